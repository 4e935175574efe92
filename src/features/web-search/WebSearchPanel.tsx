import { useId, useState } from 'react';
import { Field } from '../../ui/Field';
import { FRESHNESS_VALUES, MAX_RESULTS_MAX, MAX_RESULTS_MIN, normalizeMaxResults, SEARCH_LANGS, SEARCH_MODES } from '../../domain/normalize';
import { useChatStore, webSearchOf } from '../../store/chatStore';
import { WEB_SEARCH_SHORTCUT_LABEL } from './shortcut';

const control = 'w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm';

/** A native select of one option's allowed values. */
function Choice<T extends string>({ label, hint, value, values, labels, onChange }: { label: string; hint: string; value: T; values: readonly T[]; labels: Record<T, string>; onChange: (v: T) => void }) {
  return (
    <Field label={label} hint={hint} compact>
      {(id, hintId) => (
        <select id={id} aria-describedby={hintId} className={control} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {values.map((v) => (
            <option key={v} value={v}>
              {labels[v]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const MODE_LABELS = { auto: 'auto', force: 'force' } as const;
const FRESHNESS_LABELS = { day: 'past day', week: 'past week', month: 'past month', any: 'any time' } as const;
const LANG_LABELS = { auto: 'auto', en: 'English (en)', zh: '中文 (zh)' } as const;

/** Max results: clamped to 1–8 as typed, exactly as the server would. */
function MaxResultsInput({ id, hintId, value, onCommit }: { id: string; hintId: string | undefined; value: number; onCommit: (v: string) => void }) {
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
  const ws = useChatStore((s) => webSearchOf(s.conversations[s.activeId]));
  const setWebSearch = useChatStore((s) => s.setWebSearch);
  const enabledHint = useId();
  return (
    <aside aria-label="Web search" className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold">Web search</h2>
        <kbd className="rounded border border-line px-1.5 text-2xs text-ink-muted" title="Keyboard shortcut to turn web search on or off">
          {WEB_SEARCH_SHORTCUT_LABEL}
        </kbd>
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" aria-describedby={enabledHint} checked={ws.enabled} onChange={(e) => setWebSearch({ enabled: e.target.checked })} />
          Enable web search
        </label>
        <p id={enabledHint} className="mt-1 text-2xs text-ink-muted">
          Lets Bitseek look things up before answering. Shortcut: {WEB_SEARCH_SHORTCUT_LABEL}.
        </p>
      </div>
      <fieldset className={`space-y-3 ${ws.enabled ? '' : 'opacity-60'}`}>
        <legend className="sr-only">Search options (sent when web search is on)</legend>
        <Choice label="Search mode" hint="auto searches when useful; force searches for every message." value={ws.mode} values={SEARCH_MODES} labels={MODE_LABELS} onChange={(mode) => setWebSearch({ mode })} />
        <Field label="Max results" hint={`How many pages to read, ${MAX_RESULTS_MIN}–${MAX_RESULTS_MAX}.`} compact>
          {(id, hintId) => <MaxResultsInput id={id} hintId={hintId} value={ws.maxResults} onCommit={(v) => setWebSearch({ maxResults: normalizeMaxResults(v) })} />}
        </Field>
        <Choice label="Freshness" hint="Only pages published within this time." value={ws.freshness} values={FRESHNESS_VALUES} labels={FRESHNESS_LABELS} onChange={(freshness) => setWebSearch({ freshness })} />
        <Choice label="Search language" hint="Language of the pages searched." value={ws.lang} values={SEARCH_LANGS} labels={LANG_LABELS} onChange={(lang) => setWebSearch({ lang })} />
      </fieldset>
      <p className="text-2xs text-ink-muted">These options belong to this conversation; a new chat starts from the last ones used.</p>
    </aside>
  );
}
