import type { Message } from '../../domain/types';
import { useT } from '../../i18n/useT';

/** A stored message that could not be shown: said so, with its raw record to read or copy. */
export function BrokenMessage({ message, error }: { message: Message; error: Error }) {
  const t = useT();
  return (
    <article aria-label={message.role === 'user' ? t.chat.userMessage : t.chat.assistantMessage} className="max-w-reading">
      <p role="alert" className="rounded-md border border-danger/40 bg-danger-surface px-3 py-2 text-sm text-danger">
        {t.chat.brokenMessage(error.message)}
      </p>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-ink-muted">{t.chat.rawRecord}</summary>
        <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-surface-raised p-2 font-mono">
          {JSON.stringify(message, null, 2)}
        </pre>
      </details>
    </article>
  );
}
