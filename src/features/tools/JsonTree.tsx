import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';

/** A JSON value as a collapsible tree. Everything is rendered as text: a hostile key or value executes nothing. */
export function JsonTree({ value, label }: { value: unknown; label?: ReactNode }) {
  const t = useT();
  const key = label !== undefined ? <span className="text-accent">{label}: </span> : null;
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      return (
        <div>
          {key}
          {open}
          {close}
        </div>
      );
    }
    return (
      <details open className="[&>summary]:cursor-pointer">
        <summary>
          {key}
          {open}
          <span className="text-ink-muted"> {Array.isArray(value) ? t.tools.items(entries.length) : t.tools.keys(entries.length)}</span>
        </summary>
        <div className="ml-4 border-l border-line pl-2">
          {entries.map(([k, v]) => (
            <JsonTree key={k} value={v} label={Array.isArray(value) ? undefined : JSON.stringify(k)} />
          ))}
        </div>
        <div>{close}</div>
      </details>
    );
  }
  const color = typeof value === 'string' ? 'text-ink' : 'text-warn';
  return (
    <div className="break-all">
      {key}
      <span className={color}>{value === undefined ? '…' : JSON.stringify(value)}</span>
    </div>
  );
}
