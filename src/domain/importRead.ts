// Reading an import file: apart from transfer.ts, as it validates with the schema (zod), which
// the first screen does not load.
import { said, SaidError } from '../i18n';
import { parseConversations, PROBLEMS_SHOWN } from './schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from './transfer';
import { asTree, treeProblem } from './tree';
import type { Conversation } from './types';

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
