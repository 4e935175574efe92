/** Conversation ids are made on the client, as Bitseek's own example does. */
export function newConversationId(): string {
  return `conv-${crypto.randomUUID()}`;
}

export function newMessageId(): string {
  return `msg-${crypto.randomUUID()}`;
}

/** The simulator's stream ids, in Bitseek's shape. */
export function newStreamId(): string {
  return `stream:chat:${crypto.randomUUID()}`;
}

const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** 1–128 letters, digits, `-`, `_`, `:` or `.`: safe in a header and a URL. */
export function isValidConversationId(id: string): boolean {
  return CONVERSATION_ID.test(id);
}
