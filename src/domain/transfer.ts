import { en, said, SaidError } from '../i18n';
import { mergeImported, wouldChange } from './merge';
import { parseConversations, PROBLEMS_SHOWN } from './schema';
import { activePath, asTree, treeProblem } from './tree';
import type { Conversation } from './types';

const EXPORT_FORMAT = 'bitseek-chat.conversations';
/** 2: messages form a tree (parentId, activeChildren); 1 was a list, read as a tree of one branch. */
const EXPORT_VERSION = 2;

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

export interface ImportRead {
  conversations: Conversation[];
  /** Entries that did not read as conversations: reported, not imported. */
  invalid: number;
  /** Where the first few of them went wrong, by their place in the file's list. */
  problems: string[];
}

/** Reads an export file (or a bare conversation, or an array of them). Throws a readable error. */
export function readImport(text: string): ImportRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SaidError(said('importNotJson', error instanceof Error ? error.message : ''));
  }
  let entries: unknown[];
  let version = 1;
  if (Array.isArray(value)) entries = value;
  else if (typeof value === 'object' && value !== null && 'conversations' in value) {
    const file = value as { format?: unknown; version?: unknown; conversations?: unknown };
    if (file.format !== undefined && file.format !== EXPORT_FORMAT) throw new SaidError(said('importFormat', String(file.format)));
    if (typeof file.version === 'number' && file.version > EXPORT_VERSION) {
      throw new SaidError(said('importNewer', file.version));
    }
    if (!Array.isArray(file.conversations)) throw new SaidError(said('importNotList'));
    entries = file.conversations;
    if (typeof file.version === 'number') version = file.version;
  } else entries = [value];
  return asTrees(parseConversations(entries), version);
}

/** A file's list of removed messages cannot name its own messages: a merge would drop them. */
function withoutSelfRemoval(c: Conversation): Conversation {
  if (!c.removedMessageIds) return c;
  const here = new Set(c.messages.map((m) => m.id));
  return { ...c, removedMessageIds: c.removedMessageIds.filter((id) => !here.has(id)) };
}

/** Read conversations as trees: a list (before version 2) as one branch; a tree whose links are broken is skipped, saying where. */
function asTrees(read: ImportRead & { places: number[] }, version: number): ImportRead {
  const conversations: Conversation[] = [];
  const problems = [...read.problems];
  let invalid = read.invalid;
  read.conversations.forEach((c, i) => {
    const tree = withoutSelfRemoval(version < 2 ? asTree(c) : c);
    const problem = treeProblem(tree);
    if (!problem) return void conversations.push(tree);
    invalid += 1;
    if (problems.length < PROBLEMS_SHOWN) problems.push(`[${read.places[i]}] “${c.title}”: ${problem}`);
  });
  return { conversations, invalid, problems };
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
