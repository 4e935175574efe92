import { en, noteOf, said } from '../i18n';
import type { Conversation, Message, ReplyProblem } from './types';

/** A conversation's title: its first user message, on one line, shortened. */
export function titleFrom(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line || en.chat.untitled;
  return `${line.slice(0, max - 1).trimEnd()}…`;
}

/** A conversation with no messages yet, with the options given; `resumed` when it binds a server id the person chose. */
export function newConversation(id: string, options: Pick<Conversation, 'webSearch' | 'tools'>, resumed = false): Conversation {
  const now = Date.now();
  const c: Conversation = {
    id,
    title: resumed ? en.chat.resumedTitle(id) : en.chat.untitled,
    createdAt: now,
    updatedAt: now,
    messages: [],
    ...options,
  };
  if (resumed) c.resumed = true;
  return c;
}

/**
 * The id to open at start: the one routed to when it is stored, else the last open, else
 * the latest; undefined when there is none. A route to the id this browser last had open
 * but never saved (an empty new chat) is no resume: that id is opened anew, unstored.
 */
export function openingId(
  conversations: ReadonlyMap<string, Conversation>,
  routeId: string | undefined,
  last: string | undefined,
): string | undefined {
  if (routeId && (conversations.has(routeId) || routeId === last)) return routeId;
  if (last && conversations.has(last)) return last;
  return [...conversations.values()].sort((a, b) => b.updatedAt - a.updatedAt)[0]?.id;
}

/** Not named by the person yet: the first message names it. */
export const hasDefaultTitle = (c: Conversation): boolean => c.title === en.chat.untitled || c.title === en.chat.resumedTitle(c.id);

const INTERRUPTED_BY_RELOAD: ReplyProblem = { kind: 'interrupted', ...noteOf(said('reloaded')) };
const NO_REPLY_BEFORE_RELOAD: ReplyProblem = { kind: 'interrupted', ...noteOf(said('reloadedBeforeReply')) };

/** Nothing of a reply arrived: no text, no reasoning, no tool call. */
export const nothingArrived = (m: Message): boolean => !m.content && !m.reasoning && !m.refusal && !m.toolCalls?.length;

/** A reply that was streaming when its page went away cannot resume: say so, keep its text. */
export function settleAfterReload(c: Conversation): Conversation {
  if (!c.messages.some((m) => m.status === 'streaming')) return c;
  return {
    ...c,
    messages: c.messages.map((m) =>
      m.status === 'streaming'
        ? { ...m, status: 'failed', problem: nothingArrived(m) ? NO_REPLY_BEFORE_RELOAD : INTERRUPTED_BY_RELOAD }
        : m,
    ),
  };
}

/** Newest activity first, pinned conversations above the rest. */
export function byPinThenActivity(a: Conversation, b: Conversation): number {
  return Number(!!b.pinned) - Number(!!a.pinned) || b.updatedAt - a.updatedAt;
}
