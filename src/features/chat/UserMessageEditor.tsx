import { useId, useState } from 'react';
import { Button } from '../../ui/Button';

interface Props {
  initial: string;
  /** How many messages come after this one and would be replaced. */
  following: number;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

export function UserMessageEditor({ initial, following, onSubmit, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const hintId = useId();
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSubmit(text);
      }}
    >
      <textarea
        aria-label="Edit message"
        aria-describedby={hintId}
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        className="w-full resize-y rounded-md border border-line bg-surface px-3 py-2 text-sm"
      />
      <p id={hintId} className="text-xs text-ink-muted">
        {following > 0 ? `Resending replaces the ${following} message${following === 1 ? '' : 's'} after this one.` : 'Resending asks for a new reply.'}
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={!text.trim()}>
          Save and resend
        </Button>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
