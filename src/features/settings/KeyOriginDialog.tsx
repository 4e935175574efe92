import { useChatStore } from '../../store/chatStore';
import { useSettingsStore } from '../../store/settingsStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/** Asks before the API key goes to an origin it was not entered for. */
export default function KeyOriginDialog() {
  const pending = useChatStore((s) => s.keyConfirmation);
  const confirm = useChatStore((s) => s.confirmKeyOrigin);
  const cancel = useChatStore((s) => s.cancelKeyConfirmation);
  const keyOrigin = useSettingsStore((s) => s.keyOrigin);
  if (!pending) return null;
  return (
    <Dialog open title="Send your API key to a new endpoint?" onClose={cancel}>
      <div className="space-y-3 text-sm">
        <p>
          Your API key was entered for <strong className="font-mono">{keyOrigin || 'another endpoint'}</strong>. The Endpoint URL now points to{' '}
          <strong className="font-mono">{pending.origin}</strong>. If you send the message, that server receives your key.
        </p>
        <p className="text-ink-muted">Your message stays in the box if you do not.</p>
        <div className="flex justify-end gap-2">
          <Button onClick={cancel}>Don’t send</Button>
          <Button variant="danger" onClick={confirm}>
            Send key to {pending.origin}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
