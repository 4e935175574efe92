// The one place that resolves the theme: run before the first paint (an external
// file, as the Content-Security-Policy allows no inline script), and again by the
// app whenever the choice in Settings changes. 'system' follows the device, live.
(function () {
  var media = window.matchMedia('(prefers-color-scheme: dark)');
  var preference = 'system';
  function paint() {
    var dark = preference === 'dark' || (preference !== 'light' && media.matches);
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }
  window.applyTheme = function (next) {
    preference = next === 'dark' || next === 'light' ? next : 'system';
    paint();
  };
  media.addEventListener('change', paint);
  try {
    var stored = JSON.parse(localStorage.getItem('bitseek-chat.settings') || '{}');
    preference = (stored && stored.state && stored.state.theme) || 'system';
  } catch {
    // unreadable settings: follow the device
  }
  paint();
  // Never shown inside another page's frame, even where the host sends no frame-ancestors header (clickjacking).
  if (window.top !== window.self) document.documentElement.style.visibility = 'hidden';
})();
