import type { Note } from '../i18n';
import type { WebSearchOptions } from './normalize';
import type { ToolsConfig } from './tools';

type Role = 'system' | 'user' | 'assistant' | 'tool';

/** A tool call as it stands after merging its streamed deltas by index. */
export interface ToolCall {
  index: number;
  id: string;
  type: string;
  name: string;
  arguments: string;
}

export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

export type ChatErrorKind =
  | 'http' // the server answered with an HTTP error status
  | 'network' // the connection failed or was lost
  | 'server' // the stream carried an {"error": …} event
  | 'interrupted' // the stream closed before a finish_reason
  | 'timeout' // no first byte in time
  | 'protocol' // the response was not an event stream or JSON reply
  | 'config'; // the request could not be built (e.g. a bad URL)

/** What went wrong with a reply, kept with the message so it survives reloads. */
export interface ReplyProblem extends Note {
  kind: ChatErrorKind;
  status?: number;
  retryAfter?: string;
}

/** streaming → complete | stopped (the person pressed Stop) | failed. */
type ReplyStatus = 'streaming' | 'complete' | 'stopped' | 'failed';

export interface Message {
  id: string;
  /** The message this one follows in the conversation's tree (see tree.ts); none for a first message. */
  parentId?: string;
  role: Role;
  content: string;
  createdAt: number;
  /** Assistant replies only. */
  status?: ReplyStatus;
  reasoning?: string;
  refusal?: string;
  toolCalls?: ToolCall[];
  /** For role "tool": the call this message answers. */
  toolCallId?: string;
  /** For role "tool": how an MCP call went (none for a result typed by hand). */
  toolRun?: ToolRun;
  finishReason?: string;
  problem?: ReplyProblem;
  /** Non-fatal oddities of the stream, e.g. an event that was not valid JSON. */
  warnings?: Note[];
  streamId?: string;
  model?: string;
  usage?: Usage;
  /** User messages: the web-search settings the message was sent with. */
  webSearch?: WebSearchOptions;
  /** Assistant replies: the names of the tools its request offered (the Tools JSON's and MCP servers'). */
  toolsOffered?: string[];
  /** Assistant replies: how the stream went, in ms from the request. */
  metrics?: StreamMetrics;
}

/** An MCP call's run, kept with its answer: where it ran, how long it took, how it ended. */
export interface ToolRun {
  server: string;
  tool: string;
  ms: number;
  outcome: 'ok' | 'error' | 'declined';
}

export interface StreamMetrics {
  firstByteMs?: number;
  firstTokenMs?: number;
  totalMs: number;
  /** Characters of text, reasoning and tool arguments received. */
  chars: number;
  events: number;
}

export interface Conversation {
  /** Client-made (`conv-` + UUID) or resumed; sent as X-Conversation-Id. */
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Every message of every branch, oldest first (see tree.ts). */
  messages: Message[];
  /** Started from an id whose earlier turns live on the server. */
  resumed?: boolean;
  /** Its id came from an imported file: someone else chose it, so the first send asks before using it. */
  idFromImport?: boolean;
  /** This conversation's web-search options (older records may lack them). */
  webSearch?: WebSearchOptions;
  /** This conversation's tool definitions. */
  tools?: ToolsConfig;
  pinned?: boolean;
  /** When title, pin or options last changed: the newer copy's win when two tabs merge. */
  metaUpdatedAt?: number;
  /** Messages an edit or a retry replaced before conversations were trees, so that merging never brings them back. */
  removedMessageIds?: string[];
  /** The child shown at each fork of the tree, by id (see tree.ts). */
  activeChildren?: string[];
}
