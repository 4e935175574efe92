import { useChatStore } from '../../store/chatStore';
import { useSettingsStore } from '../../store/settingsStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useT } from '../../i18n/useT';
import { Template } from '../../ui/Template';

/** Asks before the API key goes to an origin it was not entered for. */
export default function KeyOriginDialog() {
  const t = useT().settings;
  const pending = useChatStore((s) => s.keyConfirmation);
  const confirm = useChatStore((s) => s.confirmKeyOrigin);
  const cancel = useChatStore((s) => s.cancelKeyConfirmation);
  const keyOrigin = useSettingsStore((s) => s.keyOrigin);
  if (!pending) return null;
  return (
    <Dialog open title={t.keyDialogTitle} onClose={cancel}>
      <div className="space-y-3 text-sm">
        <p>
          <Template
            text={t.keyDialogText}
            slots={{
              from: <strong className="font-mono">{keyOrigin || t.anotherEndpoint}</strong>,
              to: <strong className="font-mono">{pending.origin}</strong>,
            }}
          />
        </p>
        <p className="text-ink-muted">{t.keyDialogStays}</p>
        <div className="flex justify-end gap-2">
          <Button onClick={cancel}>{t.dontSend}</Button>
          <Button variant="danger" onClick={confirm}>
            {t.sendKeyTo(pending.origin)}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
