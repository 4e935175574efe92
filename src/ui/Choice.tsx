import { Field } from './Field';

/** A labelled native select of a setting's allowed values, each shown by its label. */
export function Choice<T extends string>({
  label,
  hint,
  value,
  values,
  labels,
  onChange,
  compact = false,
  className,
}: {
  label: string;
  hint: string;
  value: T;
  values: readonly T[];
  labels: Record<T, string>;
  onChange: (v: T) => void;
  compact?: boolean;
  className: string;
}) {
  return (
    <Field label={label} hint={hint} compact={compact}>
      {(id, hintId) => (
        <select id={id} aria-describedby={hintId} className={className} value={value} onChange={(e) => onChange(e.target.value as T)}>
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
