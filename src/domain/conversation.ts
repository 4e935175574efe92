import { en, noteOf, said } from '../i18n';
import type { Conversation, Message, ReplyProblem } from './types';

/** A conversation's title: its first user message, on one line, shortened. */
export function titleFrom(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line || en.chat.untitled;
  return `${line.slice(0, max - 1).trimEnd()}…`;
}

const INTERRUPTED_BY_RELOAD: ReplyProblem = { kind: 'interrupted', ...noteOf(said('reloaded')) };
const NO_REPLY_BEFORE_RELOAD: ReplyProblem = { kind: 'interrupted', ...noteOf(said('reloadedBeforeReply')) };

/** Nothing of a reply arrived: no text, no reasoning, no tool call. */
export const nothingArrived = (m: Message): boolean => !m.content && !m.reasoning && !m.refusal && !m.toolCalls?.length;

/** A reply that was streaming when its page went away cannot resume: say so, keep its text. */
export function settleAfterReload(c: Conversation): Conversation {
  if (!c.messages.some((m) => m.status === 'streaming')) return c;
  return {
    ...c,
    messages: c.messages.map((m) => (m.status === 'streaming' ? { ...m, status: 'failed', problem: nothingArrived(m) ? NO_REPLY_BEFORE_RELOAD : INTERRUPTED_BY_RELOAD } : m)),
  };
}

/** Newest activity first, pinned conversations above the rest. */
export function byPinThenActivity(a: Conversation, b: Conversation): number {
  return Number(!!b.pinned) - Number(!!a.pinned) || b.updatedAt - a.updatedAt;
}
