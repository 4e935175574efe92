import * as z from 'zod/mini';
import { isValidConversationId } from './ids';
import { normalizeWebSearch } from './normalize';
import type { Conversation } from './types';

// The one shape of a conversation at rest: IndexedDB records and imported files
// are both untrusted and both read through it. Unknown keys are dropped.

const opt = <T extends z.ZodMiniType>(t: T) => z.optional(t);
const finite = z.number().check(z.refine(Number.isFinite));
/** A time a Date can hold (±8.64e15 ms): anything else cannot be shown as a date. */
const time = z.number().check(z.refine((n) => Math.abs(n) <= 8.64e15));

const ToolCall = z.object({ index: finite, id: z.string(), type: z.string(), name: z.string(), arguments: z.string() });
const Said = z.object({
  key: z.string().check(z.maxLength(64)),
  params: z.array(z.union([z.string(), finite, z.boolean()])).check(z.maxLength(8)),
});
const Note = z.object({ message: z.string(), said: opt(Said) });
const Problem = z.object({
  kind: z.enum(['http', 'network', 'server', 'interrupted', 'timeout', 'protocol', 'config']),
  message: z.string(),
  said: opt(Said),
  status: opt(finite),
  retryAfter: opt(z.string()),
});
const Usage = z.object({ promptTokens: opt(finite), completionTokens: opt(finite), totalTokens: opt(finite) });
const Metrics = z.object({ firstByteMs: opt(finite), firstTokenMs: opt(finite), totalMs: finite, chars: finite, events: finite });
// Web-search options are re-normalized, never trusted as stored.
const WebSearch = z.pipe(
  z.unknown(),
  z.transform((v) => normalizeWebSearch(v)),
);

const Id = z.string().check(z.minLength(1), z.maxLength(200));
const Message = z.object({
  id: Id,
  parentId: opt(Id),
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string(),
  createdAt: time,
  status: opt(z.enum(['streaming', 'complete', 'stopped', 'failed'])),
  reasoning: opt(z.string()),
  refusal: opt(z.string()),
  toolCalls: opt(z.array(ToolCall)),
  toolCallId: opt(z.string()),
  toolRun: opt(z.object({ server: z.string(), tool: z.string(), ms: finite, outcome: z.enum(['ok', 'error', 'declined']) })),
  finishReason: opt(z.string()),
  problem: opt(Problem),
  // Older records kept warnings as plain English strings.
  warnings: opt(
    z.array(
      z.union([
        z.pipe(
          z.string(),
          z.transform((message) => ({ message })),
        ),
        Note,
      ]),
    ),
  ),
  streamId: opt(z.string()),
  model: opt(z.string()),
  usage: opt(Usage),
  webSearch: opt(WebSearch),
  metrics: opt(Metrics),
  toolsOffered: opt(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000))),
});

const ConversationSchema = z.object({
  id: z.string().check(z.refine(isValidConversationId, 'not a valid conversation id')),
  title: z.string().check(z.maxLength(500)),
  createdAt: time,
  updatedAt: time,
  messages: z.array(Message),
  resumed: opt(z.boolean()),
  idFromImport: opt(z.boolean()),
  pinned: opt(z.boolean()),
  metaUpdatedAt: opt(time),
  removedMessageIds: opt(z.array(z.string())),
  activeChildren: opt(z.array(Id)),
  webSearch: opt(WebSearch),
  tools: opt(z.object({ json: z.string(), disabled: z.array(z.string()) })),
});

export function parseConversation(value: unknown): Conversation | undefined {
  const parsed = ConversationSchema.safeParse(value);
  return parsed.success ? (parsed.data as Conversation) : undefined;
}

/** How many problems of the invalid records are described: enough to find them, not a wall. */
export const PROBLEMS_SHOWN = 3;

/** `[2].messages[0].role` from a path of keys and indexes. */
const pathText = (path: readonly PropertyKey[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');

/**
 * Reads a list of untrusted records: the conversations among them, how many were not,
 * and where the first few went wrong (`[2].messages[0].createdAt: …`).
 */
export function parseConversations(records: unknown[]): {
  conversations: Conversation[];
  invalid: number;
  problems: string[];
  places: number[];
} {
  const conversations: Conversation[] = [];
  /** Where each conversation was in `records`. */
  const places: number[] = [];
  const problems: string[] = [];
  let invalid = 0;
  records.forEach((record, i) => {
    const parsed = ConversationSchema.safeParse(record);
    if (parsed.success) {
      places.push(i);
      return void conversations.push(parsed.data as Conversation);
    }
    invalid += 1;
    const issue = parsed.error.issues[0];
    if (problems.length < PROBLEMS_SHOWN && issue) problems.push(`[${i}]${pathText(issue.path)}: ${issue.message}`);
  });
  return { conversations, invalid, problems, places };
}
