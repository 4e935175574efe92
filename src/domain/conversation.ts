import type { Conversation, ReplyProblem } from './types';

/** A conversation's title: its first user message, on one line, shortened. */
export function titleFrom(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line || 'New chat';
  return `${line.slice(0, max - 1).trimEnd()}…`;
}

const INTERRUPTED_BY_RELOAD: ReplyProblem = {
  kind: 'interrupted',
  message: 'The page was closed or reloaded while this reply was streaming; what had arrived is kept.',
};

/** A reply that was streaming when its page went away cannot resume: say so, keep its text. */
export function settleAfterReload(c: Conversation): Conversation {
  if (!c.messages.some((m) => m.status === 'streaming')) return c;
  return {
    ...c,
    messages: c.messages.map((m) => (m.status === 'streaming' ? { ...m, status: 'failed', problem: INTERRUPTED_BY_RELOAD } : m)),
  };
}

/** Newest activity first, pinned conversations above the rest. */
export function byPinThenActivity(a: Conversation, b: Conversation): number {
  return Number(!!b.pinned) - Number(!!a.pinned) || b.updatedAt - a.updatedAt;
}
