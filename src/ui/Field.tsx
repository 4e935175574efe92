import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** Renders the control with the ids that tie it to its label and hint. */
  children: (id: string, hintId: string | undefined) => ReactNode;
  compact?: boolean;
}

/** A labelled form control with an optional one-line hint that describes it. */
export function Field({ label, hint, children, compact = false }: FieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(id, hint ? hintId : undefined)}
      {hint && (
        <p id={hintId} className={`${compact ? 'text-2xs' : 'text-xs'} text-ink-muted`}>
          {hint}
        </p>
      )}
    </div>
  );
}
