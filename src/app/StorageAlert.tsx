import { say } from '../i18n';
import { useT } from '../i18n/useT';
import { useChatStore } from '../store/chatStore';

/** Storage failures are shown, never swallowed. */
export function StorageAlert() {
  const error = useChatStore((s) => s.storageError);
  const t = useT();
  if (!error) return null;
  return (
    <p role="alert" className="border-b border-danger/40 bg-danger-surface px-4 py-1.5 text-center text-sm text-danger">
      {say(t, error)}
    </p>
  );
}
