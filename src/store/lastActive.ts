// The conversation this browser showed last, so a reload reopens it (even an
// empty new chat, whose draft then comes back).
const KEY = 'bitseek-chat.active';

export function loadLastActive(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveLastActive(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // not essential: a reload then opens the latest conversation
  }
}

/** A conversation deleted (here or in another tab) is not the one to reopen, nor an id a link may bind. */
export function forgetLastActive(id: string): void {
  try {
    if (localStorage.getItem(KEY) === id) localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
