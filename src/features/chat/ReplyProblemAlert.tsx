import { nothingArrived } from '../../domain/conversation';
import type { Message } from '../../domain/types';
import { Button } from '../../ui/Button';
import { sayNote } from '../../i18n';
import { useI18n } from '../../i18n/useT';

interface Props {
  message: Message;
  /** Offered on the latest reply only: retrying an older one would drop what followed. */
  onRetry?: () => void;
}

/** The warnings shown of a reply: a server can send any number. */
const WARNINGS_SHOWN = 20;

/** Why a reply failed or what was odd about it, with the way out. Partial text stays above it. */
export function ReplyProblemAlert({ message, onRetry }: Props) {
  const { t, f } = useI18n();
  const { problem, warnings } = message;
  if (!problem && !warnings?.length) return null;
  const failed = message.status === 'failed';
  const kept = failed && message.content ? t.chat.charactersKept(f.number(Array.from(message.content).length)) : '';
  return (
    <div
      role="alert"
      className={`mt-3 flex flex-wrap items-start gap-3 rounded-lg border px-3 py-2 text-sm ${
        failed ? 'border-danger/40 bg-danger-surface text-danger' : 'border-warn/40 bg-warn-surface text-warn'
      }`}
    >
      <div className="min-w-0 flex-1">
        {problem && (
          <p>
            <strong className="font-semibold">
              {problem.kind !== 'interrupted' && problem.kind !== 'network'
                ? t.chat.replyFailed
                : nothingArrived(message)
                  ? t.chat.noReply
                  : t.chat.replyInterrupted}
            </strong>
            {sayNote(t, problem)}
            {kept}
          </p>
        )}
        {warnings?.slice(0, WARNINGS_SHOWN).map((w, i) => (
          <p key={i}>{sayNote(t, w)}</p>
        ))}
        {warnings && warnings.length > WARNINGS_SHOWN && <p>{t.chat.moreWarnings(f.number(warnings.length - WARNINGS_SHOWN))}</p>}
      </div>
      {onRetry && (
        <Button size="sm" variant={failed ? 'danger' : 'secondary'} onClick={onRetry}>
          {t.chat.retry}
        </Button>
      )}
    </div>
  );
}
