// The chat store's state and actions: what components read and call (see chatStore.ts).
import type { WebSearchOptions } from '../domain/normalize';
import type { ToolsConfig } from '../domain/tools';
import type { ImportPlan } from '../domain/transfer';
import type { Conversation, ToolRun } from '../domain/types';
import type { Said } from '../i18n';
import type { Conversations } from './saving';

/** A message held back until the person agrees, and where it goes. */
export interface Held {
  conversationId: string;
  text: string;
}

export interface ChatState {
  conversations: Conversations;
  activeId: string;
  loaded: boolean;
  /** A storage failure, shown to the person until the next successful save. */
  storageError?: Said;
  /** Ids of conversations whose reply is streaming now. */
  streaming: ReadonlySet<string>;
  /** A message held back until the person agrees to send the API key to a new endpoint origin. */
  keyConfirmation?: Held & { origin: string };
  /** A message held back until the person agrees to send under an id that came from an imported file. */
  idConfirmation?: Held;

  /**
   * Loads saved conversations and opens `routeId` when it is stored here, else the latest.
   * An unknown id from a link is never bound without asking (see App's resume prompt).
   * A new conversation is made once `defaultsReady` settles (a deployer's defaults may come).
   */
  init: (routeId?: string, defaultsReady?: Promise<unknown>) => Promise<void>;
  newChat: () => void;
  /** Opens a conversation; with a message, on the branch that holds it. */
  select: (id: string, messageId?: string) => void;
  /** Shows this version of a message (edit and regenerate keep the others). */
  showVersion: (messageId: string) => void;
  /** A new conversation, with a new id, holding the path up to this message of the open one; opened. */
  branchIntoNewChat: (messageId: string) => void;
  /** Opens a conversation by id: the local one, or a new local one resuming that server id (the person chose it). */
  open: (id: string) => void;
  /** Sends a message; false when it is held back (see keyConfirmation and idConfirmation). */
  send: (text: string) => boolean;
  /** The person agreed: the key may go to the new origin; the held message is sent. */
  confirmKeyOrigin: () => void;
  cancelKeyConfirmation: () => void;
  /** The person agreed: the imported conversation's id is theirs to use; the held message is sent. */
  confirmImportedId: () => void;
  cancelIdConfirmation: () => void;
  stop: (conversationId?: string) => void;
  /** Re-runs the turn that produced this assistant message, replacing it. */
  retry: (assistantMessageId: string) => void;
  /** Replaces a user message's text, drops what followed it and asks again. */
  editAndResend: (userMessageId: string, text: string) => void;
  rename: (id: string, title: string) => void;
  togglePin: (id: string) => void;
  /** Deletes a conversation; returns it, so that it can be restored (undo). */
  remove: (id: string) => Conversation | undefined;
  restore: (conversation: Conversation) => void;
  importConversations: (incoming: Conversation[]) => ImportPlan;
  /** Changes the open conversation's web-search options; a new chat starts from them. */
  setWebSearch: (patch: Partial<WebSearchOptions>) => void;
  /** Changes the open conversation's tools; a new chat starts with them. */
  setTools: (patch: Partial<ToolsConfig>) => void;
  /** Answers a reply's tool calls (result text by call id) and continues the conversation. */
  /** Answers a reply's tool calls (result by call id; how each MCP call ran, by call id) and continues. */
  sendToolResults: (assistantMessageId: string, results: ReadonlyMap<string, string>, runs?: ReadonlyMap<string, ToolRun>) => void;
}
