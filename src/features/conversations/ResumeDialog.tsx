import { useId, useState } from 'react';
import { isValidConversationId } from '../../domain/ids';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useT } from '../../i18n/useT';

interface Props {
  open: boolean;
  onClose: () => void;
  /** An id someone else chose (a link's, or an imported conversation's): shown, explained, bound only on Resume. */
  linkedId?: string;
  /** Where that id came from, for the warning. */
  from?: 'link' | 'import';
  /** What Resume does instead of opening the typed id (an imported conversation's own id is confirmed). */
  onResume?: () => void;
}

/** Resume a server-side conversation by its id: the local copy if there is one, else a new binding. */
export default function ResumeDialog({ open, onClose, linkedId, from = 'link', onResume }: Props) {
  const t = useT();
  const tc = t.conversations;
  const [id, setId] = useState(linkedId ?? '');
  const [error, setError] = useState('');
  const openConversation = useChatStore((s) => s.open);
  const fieldId = useId();
  const errorId = useId();
  const close = () => {
    setId('');
    setError('');
    onClose();
  };
  return (
    <Dialog open={open} title={tc.resume} onClose={close}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const value = id.trim();
          if (!isValidConversationId(value)) {
            setError(value ? tc.resumeInvalid : tc.resumeEmpty);
            return;
          }
          if (onResume) onResume();
          else openConversation(value);
          close();
        }}
      >
        {linkedId && (
          <p className="rounded-md border border-warn/40 bg-warn-surface px-3 py-2 text-sm text-warn">
            {from === 'import' ? tc.resumeFromImport(linkedId) : tc.resumeFromLink(linkedId)}
          </p>
        )}
        <p className="text-sm text-ink-muted">{tc.resumeExplain}</p>
        <label htmlFor={fieldId} className="block text-sm font-medium">
          {tc.resumeField}
        </label>
        <input
          id={fieldId}
          // An id someone else chose is not confirmed by a stray Enter: Cancel has the focus then.
          autoFocus={!linkedId}
          readOnly={!!onResume}
          value={id}
          spellCheck={false}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setId(e.target.value);
            setError('');
          }}
          className="w-full rounded-md border border-line bg-surface-raised px-3 py-1.5 font-mono text-sm aria-[invalid]:border-danger"
        />
        {error && (
          <p id={errorId} role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={close} data-autofocus={linkedId ? '' : undefined}>
            {t.ui.cancel}
          </Button>
          <Button type="submit" variant="primary">
            {tc.resumeConfirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
