import { useId, useState } from 'react';
import { Choice } from '../../ui/Choice';
import { Field } from '../../ui/Field';
import {
  FRESHNESS_VALUES,
  MAX_RESULTS_MAX,
  MAX_RESULTS_MIN,
  normalizeMaxResults,
  SEARCH_LANGS,
  SEARCH_MODES,
} from '../../domain/normalize';
import { useChatStore, webSearchOf } from '../../store/chatStore';
import { WEB_SEARCH_SHORTCUT_LABEL } from './shortcut';
import { useT } from '../../i18n/useT';

const control = 'w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm';

/** Max results: clamped to 1–8 as typed, exactly as the server would. */
function MaxResultsInput({
  id,
  hintId,
  value,
  onCommit,
}: {
  id: string;
  hintId: string | undefined;
  value: number;
  onCommit: (v: string) => void;
}) {
  const [draft, setDraft] = useState<string | undefined>();
  return (
    <input
      id={id}
      aria-describedby={hintId}
      className={control}
      type="number"
      inputMode="numeric"
      min={MAX_RESULTS_MIN}
      max={MAX_RESULTS_MAX}
      step={1}
      value={draft ?? value}
      onChange={(e) => {
        const text = e.target.value;
        // An empty box is being retyped: wait; anything else applies at once, normalized.
        if (text.trim() === '') setDraft('');
        else {
          setDraft(undefined);
          onCommit(text);
        }
      }}
      onBlur={() => {
        if (draft !== undefined) onCommit(draft);
        setDraft(undefined);
      }}
    />
  );
}

/** Bitseek's web-search options for the open conversation, first-class beside the chat. */
export function WebSearchPanel() {
  const t = useT().search;
  const ws = useChatStore((s) => webSearchOf(s.conversations.get(s.activeId)));
  const setWebSearch = useChatStore((s) => s.setWebSearch);
  const enabledHint = useId();
  return (
    <aside aria-label={t.panel} className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold">{t.panel}</h2>
        <kbd className="rounded border border-line px-1.5 text-2xs text-ink-muted" title={t.shortcutTitle}>
          {WEB_SEARCH_SHORTCUT_LABEL}
        </kbd>
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            aria-describedby={enabledHint}
            checked={ws.enabled}
            onChange={(e) => setWebSearch({ enabled: e.target.checked })}
          />
          {t.enable}
        </label>
        <p id={enabledHint} className="mt-1 text-2xs text-ink-muted">
          {t.enableHint(WEB_SEARCH_SHORTCUT_LABEL)}
        </p>
      </div>
      {/* Dimmed by a border, not by opacity: the hints keep their contrast while search is off. */}
      <fieldset className={`space-y-3 border-l-2 pl-3 ${ws.enabled ? 'border-accent' : 'border-dashed border-line'}`}>
        <legend className="sr-only">{t.legend}</legend>
        {!ws.enabled && <p className="text-2xs text-ink-muted">{t.offNote}</p>}
        <Choice
          label={t.mode}
          hint={t.modeHint}
          value={ws.mode}
          values={SEARCH_MODES}
          labels={t.modes}
          compact
          className={control}
          onChange={(mode) => setWebSearch({ mode })}
        />
        <Field label={t.maxResults} hint={t.maxResultsHint(MAX_RESULTS_MIN, MAX_RESULTS_MAX)} compact>
          {(id, hintId) => (
            <MaxResultsInput
              id={id}
              hintId={hintId}
              value={ws.maxResults}
              onCommit={(v) => setWebSearch({ maxResults: normalizeMaxResults(v) })}
            />
          )}
        </Field>
        <Choice
          label={t.freshness}
          hint={t.freshnessHint}
          value={ws.freshness}
          values={FRESHNESS_VALUES}
          labels={t.freshnessValues}
          compact
          className={control}
          onChange={(freshness) => setWebSearch({ freshness })}
        />
        <Choice
          label={t.lang}
          hint={t.langHint}
          value={ws.lang}
          values={SEARCH_LANGS}
          labels={t.langs}
          compact
          className={control}
          onChange={(lang) => setWebSearch({ lang })}
        />
      </fieldset>
      <p className="text-2xs text-ink-muted">{t.perConversation}</p>
    </aside>
  );
}
