import { Copy, Pencil, RefreshCw } from 'lucide-react';
import { memo, useState } from 'react';
import { ClippedText } from './ClippedText';
import type { Message } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { CopyButton } from '../../ui/CopyButton';
import { IconButton } from '../../ui/IconButton';
import { CitationSources, Markdown } from '../markdown';
import { InspectStreamButton } from '../inspector';
import { ToolCallList, ToolResultsForm } from '../tools';
import { SearchBadge, SourcesList, useReplySources } from '../web-search';
import { charsPerSecond } from '../../store/traces';
import { ReplyProblemAlert } from './ReplyProblemAlert';
import { UserMessageEditor } from './UserMessageEditor';
import { useI18n, useT } from '../../i18n/useT';
import { TypingIndicator } from './TypingIndicator';

const ACTIONS_ON_HOVER = 'pointer-fine:opacity-0 pointer-fine:group-hover:opacity-100 pointer-fine:focus-within:opacity-100';

interface Props {
  message: Message;
  /** The latest message of the conversation: only it offers Retry and Regenerate. */
  isLast: boolean;
  /** Messages after this one (what an edit would replace). */
  following: number;
  busy: boolean;
  /** Results already sent for this reply's tool calls, by call id. */
  toolResults?: ReadonlyMap<string, string>;
}

function AssistantBody({ message, toolResults }: { message: Message; toolResults?: ReadonlyMap<string, string> }) {
  const t = useT();
  const streaming = message.status === 'streaming';
  const empty = !message.content && !message.reasoning && !message.refusal && !message.toolCalls?.length;
  const { body, sources } = useReplySources(message.content, streaming);
  return (
    <>
      {message.reasoning && (
        <details className="mb-2 rounded-md border border-line bg-surface-raised px-3 py-1.5 text-sm text-ink-muted">
          <summary className="cursor-pointer select-none">{t.chat.reasoning}</summary>
          <ClippedText className="mt-1 whitespace-pre-wrap" text={message.reasoning} />
        </details>
      )}
      {/* There from the stream's start: the text it brings is then an update (see FIRST_RUNS in markdown/useHeldRuns.ts). */}
      {(message.content || streaming) && (
        <CitationSources.Provider value={sources}>
          <Markdown text={body} streaming={streaming} />
        </CitationSources.Provider>
      )}
      {!streaming && <SourcesList sources={sources} />}
      {streaming && empty && <p className="text-sm text-ink-muted">{t.chat.waiting}</p>}
      {message.refusal && (
        <p className="mt-2 rounded-md border border-warn/40 bg-warn-surface px-3 py-2 text-sm text-warn">
          <strong>{t.chat.refused}</strong> {message.refusal}
        </p>
      )}
      {message.toolCalls && (
        <ToolCallList calls={message.toolCalls} streaming={streaming} {...(toolResults ? { results: toolResults } : {})} />
      )}
    </>
  );
}

function StatusLine({ message }: { message: Message }) {
  const { t, f } = useI18n();
  const streaming = message.status === 'streaming';
  const parts: string[] = [];
  if (message.status === 'stopped') parts.push(t.chat.stopped);
  if (message.finishReason === 'tool_calls') parts.push(t.chat.toolCallsAsked(message.toolCalls?.length ?? 0));
  else if (message.finishReason && message.finishReason !== 'stop') parts.push(t.chat.finish(message.finishReason));
  if (message.model) parts.push(message.model);
  const m = message.metrics;
  if (m?.firstTokenMs !== undefined) parts.push(t.chat.firstToken(f.number(m.firstTokenMs)));
  const rate = m && charsPerSecond(m);
  if (rate) parts.push(t.chat.charsPerSecond(f.number(rate)));
  if (message.usage?.totalTokens) parts.push(t.chat.tokens(f.number(message.usage.totalTokens)));
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-1.5 text-2xs text-ink-muted">
      {streaming && <TypingIndicator label={t.chat.typing} />}
      {!streaming && <time dateTime={new Date(message.createdAt).toISOString()}>{f.dateTime(message.createdAt)}</time>}
      {parts.map((part) => (
        <span key={part}>· {part}</span>
      ))}
    </p>
  );
}

export const MessageItem = memo(function MessageItem({ message, isLast, following, busy, toolResults }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const retry = useChatStore((s) => s.retry);
  const editAndResend = useChatStore((s) => s.editAndResend);
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  const label = isUser ? t.chat.userMessage : t.chat.assistantMessage;

  return (
    <article
      aria-label={label}
      aria-busy={streaming || undefined}
      className={`group ${isUser ? 'ml-auto max-w-[85%] rounded-bubble bg-accent/10 px-4 py-3' : 'max-w-reading'}`}
    >
      {isUser && editing ? (
        <UserMessageEditor
          initial={message.content}
          following={following}
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            setEditing(false);
            editAndResend(message.id, text);
          }}
        />
      ) : isUser ? (
        <>
          <ClippedText className="whitespace-pre-wrap break-words" text={message.content} />
          {message.webSearch && (
            <p className="mt-1 text-right">
              <SearchBadge webSearch={message.webSearch} />
            </p>
          )}
        </>
      ) : (
        <AssistantBody message={message} {...(toolResults ? { toolResults } : {})} />
      )}
      {!isUser && isLast && !streaming && message.toolCalls?.length && !toolResults ? (
        <ToolResultsForm messageId={message.id} calls={message.toolCalls} busy={busy} />
      ) : null}
      {!isUser && <StatusLine message={message} />}
      {!isUser && <ReplyProblemAlert message={message} {...(isLast && !busy ? { onRetry: () => retry(message.id) } : {})} />}
      {!editing && (
        // On a desktop, an earlier message's actions show on hover and focus; on touch, always.
        <div className={`mt-1 flex gap-0.5 ${isUser ? 'justify-end' : ''} ${isLast ? '' : ACTIONS_ON_HOVER}`}>
          {!streaming && <CopyButton label={t.ui.copy} icon={<Copy size={16} />} text={() => message.content} />}
          {isUser && (
            <IconButton label={t.chat.edit} onClick={() => setEditing(true)} disabled={busy}>
              <Pencil aria-hidden="true" size={16} />
            </IconButton>
          )}
          {!isUser && <InspectStreamButton messageId={message.id} />}
          {!isUser && isLast && !streaming && message.status !== 'failed' && (
            <IconButton label={t.chat.regenerate} onClick={() => retry(message.id)} disabled={busy}>
              <RefreshCw aria-hidden="true" size={16} />
            </IconButton>
          )}
        </div>
      )}
    </article>
  );
});
