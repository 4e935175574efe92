import type { ReactNode } from 'react';
import { withoutCredentials } from '../../api';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';

/** The look of Settings' text fields. */
export const INPUT = 'w-full rounded-md border border-line bg-surface-raised px-3 py-1.5 text-sm';

/**
 * Endpoint URL, as Settings and the connect step ask for it: a URL holding a user name or
 * password is marked invalid and said to be refused.
 */
export function EndpointField({
  value,
  hint,
  onChange,
  onBlur,
}: {
  value: string;
  hint: ReactNode;
  onChange: (value: string) => void;
  onBlur?: () => void;
}) {
  const t = useT().settings;
  const hasCredentials = withoutCredentials(value) !== value;
  return (
    <>
      <Field label={t.endpoint} hint={hint}>
        {(id, hintId) => (
          <input
            id={id}
            aria-describedby={hintId}
            aria-invalid={hasCredentials}
            className={INPUT}
            type="text"
            inputMode="url"
            spellCheck={false}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            {...(onBlur && { onBlur })}
          />
        )}
      </Field>
      {hasCredentials && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-surface px-3 py-2 text-xs text-danger">
          {t.endpointCredentials}
        </p>
      )}
    </>
  );
}

/** API key: a password field, never autofilled or spell-checked. */
export function ApiKeyField({ value, hint, onChange }: { value: string; hint: string; onChange: (value: string) => void }) {
  const t = useT().settings;
  return (
    <Field label={t.apiKey} hint={hint}>
      {(id, hintId) => (
        <input
          id={id}
          aria-describedby={hintId}
          className={INPUT}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
