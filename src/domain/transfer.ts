import { en } from '../i18n';
import { mergeImported, wouldChange } from './merge';
import { activePath } from './tree';
import type { Conversation } from './types';

export const EXPORT_FORMAT = 'bitseek-chat.conversations';
/** 2: messages form a tree (parentId, activeChildren); 1 was a list, read as a tree of one branch. */
export const EXPORT_VERSION = 2;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  conversations: Conversation[];
}

/** Full fidelity: settings, tool calls, timings. The API key is never part of a conversation. */
export function exportFile(conversations: Conversation[], now = new Date()): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), conversations };
}

export interface ImportPlan {
  /** New conversations, and merged versions of ones already here. */
  write: Conversation[];
  added: number;
  merged: number;
  /** Clashing ids with a different history: imported as copies under new ids. */
  keptApart: number;
  unchanged: number;
}

/**
 * Decides what an import does, never overwriting silently: a new id is added; the
 * same id with a shared history gains the imported messages (its own title, pin,
 * tools and search options stay); a clash with an unrelated history is kept apart
 * as a copy under a new id.
 */
export function planImport(
  local: ReadonlyMap<string, Conversation>,
  incoming: Conversation[],
  newId: () => string,
  now = Date.now(),
): ImportPlan {
  const plan: ImportPlan = { write: [], added: 0, merged: 0, keptApart: 0, unchanged: 0 };
  // What is here, as the import goes on: an id twice in one file clashes with itself.
  const known = new Map(local);
  for (const file of incoming) {
    // A time from the file is never later than now: it would sort first for good.
    const c = { ...file, createdAt: Math.min(file.createdAt, now), updatedAt: Math.min(file.updatedAt, now) };
    const here = known.get(c.id);
    let written: Conversation | undefined;
    if (!here) {
      // Its id is someone else's choice until the person sends under it (see chatStore's send).
      written = { ...c, idFromImport: true };
      plan.added += 1;
    } else if (c.messages.length > 0 && here.messages.length > 0 && !sharesHistory(here, c)) {
      written = { ...c, id: newId(), title: en.chat.importedCopyTitle(c.title), resumed: false, idFromImport: false };
      plan.keptApart += 1;
    } else {
      const merged = mergeImported(here, c);
      if (wouldChange(here, merged)) {
        written = merged;
        plan.merged += 1;
      } else plan.unchanged += 1;
    }
    if (written) {
      plan.write.push(written);
      known.set(written.id, written);
    }
  }
  return plan;
}

/** Whether two copies share a message (by id): one history, not two under one id. */
function sharesHistory(a: Conversation, b: Conversation): boolean {
  const ids = new Set(a.messages.map((m) => m.id));
  return b.messages.some((m) => ids.has(m.id));
}

/** One conversation as Markdown, for reading or sharing: the versions shown (the active path). */
export function toMarkdown(c: Conversation): string {
  const lines = [`# ${c.title}`, '', `Conversation ID: \`${c.id}\``, `Exported: ${new Date().toISOString()}`, ''];
  for (const m of activePath(c)) {
    if (m.role === 'tool') {
      lines.push(`### Tool result (${m.toolCallId ?? 'unknown call'})`, '', '```', m.content, '```', '');
      continue;
    }
    lines.push(`## ${m.role === 'user' ? 'User' : m.role === 'assistant' ? 'Assistant' : 'System'}`, '');
    if (m.content) lines.push(m.content, '');
    for (const call of m.toolCalls ?? []) lines.push(`Tool call \`${call.name}\` (${call.id}):`, '', '```json', call.arguments, '```', '');
    if (m.problem) lines.push(`> ${m.status === 'failed' ? 'Failed' : 'Note'}: ${m.problem.message}`, '');
  }
  return lines.join('\n');
}
