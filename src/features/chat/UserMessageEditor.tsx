import { useId, useState } from 'react';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n/useT';

interface Props {
  initial: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

export function UserMessageEditor({ initial, onSubmit, onCancel }: Props) {
  const t = useT();
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
        aria-label={t.chat.editMessage}
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
        {t.chat.editAddsVersion}
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={!text.trim()}>
          {t.chat.saveAndResend}
        </Button>
        <Button size="sm" onClick={onCancel}>
          {t.ui.cancel}
        </Button>
      </div>
    </form>
  );
}
