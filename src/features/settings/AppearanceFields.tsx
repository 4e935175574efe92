import { LANGUAGE_NAMES, LANGUAGE_PREFERENCES } from '../../i18n';
import { useT } from '../../i18n/useT';
import { THEME_PREFERENCES, useSettingsStore } from '../../store/settingsStore';
import { Choice } from '../../ui/Choice';

/** Language and theme: how the app looks and speaks, applied at once. */
export function AppearanceFields({ className }: { className: string }) {
  const t = useT().settings;
  const language = useSettingsStore((s) => s.language);
  const theme = useSettingsStore((s) => s.theme);
  const update = useSettingsStore((s) => s.update);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Choice
        label={t.language}
        hint={t.languageHint}
        value={language}
        values={LANGUAGE_PREFERENCES}
        labels={{ system: t.languageSystem, ...LANGUAGE_NAMES }}
        className={className}
        onChange={(language) => update({ language })}
      />
      <Choice
        label={t.theme}
        hint={t.themeHint}
        value={theme}
        values={THEME_PREFERENCES}
        labels={{ system: t.themeSystem, light: t.themeLight, dark: t.themeDark }}
        className={className}
        onChange={(theme) => update({ theme })}
      />
    </div>
  );
}
