import { ChevronLeft, ChevronRight, Copy, MoreHorizontal, Pencil, RefreshCw } from 'lucide-react';
import { memo, useState } from 'react';
import { ClippedText } from './ClippedText';
import { versionsOf } from '../../domain/tree';
import type { Message } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { CopyButton } from '../../ui/CopyButton';
import { IconButton } from '../../ui/IconButton';
import { Menu } from '../../ui/Menu';
import { CitationSources, Markdown } from '../markdown';
import { InspectStreamButton } from '../inspector';
import { ToolCallList, ToolResultsForm, ToolTimeline, useToolRound, type ToolRoundRecord } from '../tools';
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
  /** Which of its versions this message is (0-based), and of how many (edit and regenerate add them). */
  version: number;
  /** The message whose siblings the versions are: this one, or a tool message above it (not shown). */
  forkId: string;
  versions: number;
  busy: boolean;
  /** Results already sent for this reply's tool calls, by call id. */
  toolResults?: ReadonlyMap<string, string>;
  /** The rounds of tools this reply went on from. */
  toolRounds?: readonly ToolRoundRecord[];
}

interface BodyProps {
  message: Message;
  toolResults?: ReadonlyMap<string, string>;
  toolRounds?: readonly ToolRoundRecord[];
  /** The latest reply, its tool calls not answered yet: its round runs here. */
  pending: boolean;
  /** The conversation's last message: where it opens, so its end is parsed at once (see Markdown). */
  isLast: boolean;
  busy: boolean;
}

function AssistantBody({ message, toolResults, toolRounds, pending, isLast, busy }: BodyProps) {
  const t = useT();
  const streaming = message.status === 'streaming';
  const round = useToolRound(message, pending);
  const empty = !message.content && !message.reasoning && !message.refusal && !message.toolCalls?.length;
  const { body, sources } = useReplySources(message.content, streaming);
  return (
    <>
      {toolRounds && <ToolTimeline rounds={toolRounds} />}
      {message.reasoning && (
        <details className="mb-2 rounded-md border border-line bg-surface-raised px-3 py-1.5 text-sm text-ink-muted">
          <summary className="cursor-pointer select-none">{t.chat.reasoning}</summary>
          <ClippedText className="mt-1 whitespace-pre-wrap" text={message.reasoning} />
        </details>
      )}
      {/* There from the stream's start: the text it brings is then an update (see FIRST_RUNS in markdown/useHeldRuns.ts). */}
      {(message.content || streaming) && (
        <CitationSources.Provider value={sources}>
          <Markdown text={body} streaming={streaming} eager={isLast} />
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
        <ToolCallList calls={message.toolCalls} streaming={streaming} mcp={round.mcp} {...(toolResults ? { results: toolResults } : {})} />
      )}
      {/* Calls answered by hand, or a round held at the cap: the form sends them (MCP results with them). */}
      {pending && message.toolCalls && (message.toolCalls.length > round.mcp.size || round.capped !== undefined) && (
        <ToolResultsForm messageId={message.id} calls={message.toolCalls} busy={busy} round={round} />
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

/** Shows the version `step` away from message `forkId` (-1: the one before), in the open conversation. */
function stepVersion(forkId: string, step: number): void {
  const { conversations, activeId, showVersion } = useChatStore.getState();
  const c = conversations.get(activeId);
  const message = c?.messages.find((m) => m.id === forkId);
  const versions = c && message ? versionsOf(c, message) : [];
  const next = versions[versions.findIndex((m) => m.id === forkId) + step];
  if (next) showVersion(next.id);
}

/**
 * "‹ 2 / 3 ›": the versions of a message. At either end the button stays focusable
 * (aria-disabled, not disabled), so that a keyboard's focus is not dropped there.
 */
const MENU_BUTTON =
  'grid h-8 w-8 shrink-0 place-items-center rounded-md text-ink-muted hover:bg-surface-sunken hover:text-ink pointer-coarse:h-11 pointer-coarse:w-11';
const AT_END = 'aria-disabled:cursor-default aria-disabled:opacity-40 aria-disabled:hover:bg-transparent';

function VersionSwitcher({ forkId, version, versions }: { forkId: string; version: number; versions: number }) {
  const t = useT().chat;
  const step = (by: number, allowed: boolean) => (allowed ? () => stepVersion(forkId, by) : undefined);
  return (
    <div className="flex items-center text-xs text-ink-muted">
      <IconButton label={t.previousVersion} className={AT_END} aria-disabled={version === 0} onClick={step(-1, version > 0)}>
        <ChevronLeft aria-hidden="true" size={16} />
      </IconButton>
      {/* A status, kept as the versions switch: its words change, and a screen reader says them. */}
      <span role="status" aria-label={t.versionOf(version + 1, versions)} className="min-w-9 text-center tabular-nums">
        <span aria-hidden="true">
          {version + 1} / {versions}
        </span>
        <span className="sr-only">{t.versionOf(version + 1, versions)}</span>
      </span>
      <IconButton
        label={t.nextVersion}
        className={AT_END}
        aria-disabled={version === versions - 1}
        onClick={step(1, version < versions - 1)}
      >
        <ChevronRight aria-hidden="true" size={16} />
      </IconButton>
    </div>
  );
}

export const MessageItem = memo(function MessageItem({ message, isLast, version, versions, forkId, busy, toolResults, toolRounds }: Props) {
  const t = useT();
  // By id: the row stays as the person switches versions, and an edit of another version is not this one's.
  const [editingId, setEditingId] = useState<string>();
  const editing = editingId === message.id;
  const setEditing = (on: boolean) => setEditingId(on ? message.id : undefined);
  const retry = useChatStore((s) => s.retry);
  const editAndResend = useChatStore((s) => s.editAndResend);
  const branch = useChatStore((s) => s.branchIntoNewChat);
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  const label = isUser ? t.chat.userMessage : t.chat.assistantMessage;

  return (
    <article
      aria-label={label}
      aria-busy={streaming || undefined}
      className={`group ${isUser ? 'ml-auto flex max-w-[85%] flex-col items-end' : 'max-w-reading'}`}
    >
      {isUser ? (
        // The bubble holds the words; the actions sit under it.
        <div className={`min-w-0 max-w-full rounded-bubble bg-accent/10 px-4 py-3 ${editing ? 'self-stretch' : ''}`}>
          {editing ? (
            <UserMessageEditor
              initial={message.content}
              onCancel={() => setEditing(false)}
              onSubmit={(text) => {
                setEditing(false);
                editAndResend(message.id, text);
              }}
            />
          ) : (
            <>
              <ClippedText key={message.id} className="whitespace-pre-wrap break-words" text={message.content} />
              {message.webSearch && (
                <p className="mt-1 text-right">
                  <SearchBadge webSearch={message.webSearch} />
                </p>
              )}
            </>
          )}
        </div>
      ) : (
        // Keyed by the message, its state (expanded text, open cards) stays with its version; the row does not.
        <AssistantBody
          key={message.id}
          message={message}
          pending={isLast && !streaming && !!message.toolCalls?.length && !toolResults}
          isLast={isLast}
          busy={busy}
          {...(toolResults ? { toolResults } : {})}
          {...(toolRounds ? { toolRounds } : {})}
        />
      )}
      {!isUser && <StatusLine message={message} />}
      {!isUser && <ReplyProblemAlert message={message} {...(isLast && !busy ? { onRetry: () => retry(message.id) } : {})} />}
      {!editing && (
        <div className={`mt-1 flex flex-wrap items-center gap-0.5 ${isUser ? 'justify-end' : ''}`}>
          {versions > 1 && <VersionSwitcher forkId={forkId} version={version} versions={versions} />}
          {/* On a desktop, an earlier message's actions show on hover and focus; on touch, always. */}
          <div className={`flex gap-0.5 ${isLast ? '' : ACTIONS_ON_HOVER}`}>
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
            {!streaming && (
              <Menu
                label={t.chat.moreActions}
                icon={<MoreHorizontal aria-hidden="true" size={16} />}
                className={MENU_BUTTON}
                items={[{ label: t.chat.branchIntoNewChat, onSelect: () => branch(message.id) }]}
              />
            )}
          </div>
        </div>
      )}
    </article>
  );
});
