import { attachOrphans, mergedChoices } from './tree';
import type { Conversation, Message } from './types';

/** How far a reply got: a finished copy of a message beats a copy caught mid-stream. */
function progress(m: Message): number {
  return (m.status === 'streaming' ? 0 : 1) * 1e12 + m.content.length + (m.toolCalls?.length ?? 0);
}

/**
 * Two copies of one conversation (two tabs, or a record and an import) → one that
 * loses nobody's messages: messages are united by id, a message either side
 * removed (edit, retry) stays removed, and title, pin and options come from the
 * copy whose settings changed last. The versions shown are `local`'s (see mergedChoices).
 */
export function mergeConversations(local: Conversation, other: Conversation): Conversation {
  const removed = new Set([...(local.removedMessageIds ?? []), ...(other.removedMessageIds ?? [])]);
  const byId = new Map<string, Message>();
  const order: Message[] = [];
  for (const m of [...local.messages, ...other.messages]) {
    if (removed.has(m.id)) continue;
    const seen = byId.get(m.id);
    if (!seen) {
      byId.set(m.id, m);
      order.push(m);
    } else {
      const [best, worse] = progress(m) > progress(seen) ? [m, seen] : [seen, m];
      // A copy that names no parent (a journal from before trees, chained from its last few messages) keeps the other's.
      byId.set(m.id, best.parentId === undefined && worse.parentId !== undefined ? { ...best, parentId: worse.parentId } : best);
    }
  }
  const messages = attachOrphans(order.map((m) => byId.get(m.id)!).sort((a, b) => a.createdAt - b.createdAt));
  const meta = (other.metaUpdatedAt ?? 0) > (local.metaUpdatedAt ?? 0) ? other : local;
  const merged: Conversation = {
    ...meta,
    id: local.id,
    createdAt: Math.min(local.createdAt, other.createdAt),
    updatedAt: Math.max(local.updatedAt, other.updatedAt),
    messages,
  };
  if (removed.size) merged.removedMessageIds = [...removed];
  return withChoices(merged, mergedChoices(messages, local, other));
}

const withChoices = (c: Conversation, activeChildren: string[]): Conversation => {
  const { activeChildren: _, ...rest } = c;
  return activeChildren.length ? { ...rest, activeChildren } : rest;
};

/**
 * An imported copy merged into a conversation here: the messages it has that are not
 * here are added, and nothing here is removed or changed (a message, the title, pin,
 * tools, web-search options). No system turn comes in this way: the app writes none.
 */
export function mergeImported(local: Conversation, imported: Conversation): Conversation {
  const here = new Set(local.messages.map((m) => m.id));
  const added = imported.messages.filter((m) => !here.has(m.id) && m.role !== 'system');
  if (added.length === 0) return local;
  const messages = attachOrphans([...local.messages, ...added].sort((a, b) => a.createdAt - b.createdAt));
  return withChoices({ ...local, messages, updatedAt: Math.max(local.updatedAt, imported.updatedAt) }, mergedChoices(messages, local));
}

/** Whether merging `other` into `local` would change what `local` shows. */
export function wouldChange(local: Conversation, other: Conversation): boolean {
  const merged = mergeConversations(local, other);
  if (merged.messages.length !== local.messages.length) return true;
  if (merged.metaUpdatedAt !== local.metaUpdatedAt || merged.title !== local.title) return true;
  return merged.messages.some((m, i) => m !== local.messages[i]);
}
