// Unsent drafts survive a reload: one localStorage entry per conversation.
const key = (conversationId: string) => `bitseek-chat.draft.${conversationId}`;

export function loadDraft(conversationId: string): string {
  try {
    return localStorage.getItem(key(conversationId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(conversationId: string, text: string): void {
  try {
    if (text) localStorage.setItem(key(conversationId), text);
    else localStorage.removeItem(key(conversationId));
  } catch {
    // storage full or blocked: the draft still lives in the text box
  }
}

type DraftListener = (conversationId: string, text: string) => void;
const sentListeners = new Set<DraftListener>();

/** A message held back went (the person agreed): its saved draft goes, and a composer showing it is told. */
export function clearDraftIf(conversationId: string, text: string): void {
  if (loadDraft(conversationId) === text) saveDraft(conversationId, '');
  sentListeners.forEach((listener) => listener(conversationId, text));
}

/** Calls `listener` when a held message is sent (an event, not state: nothing renders it). */
export function onHeldDraftSent(listener: DraftListener): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

const fillListeners = new Set<DraftListener>();

/** Puts a prompt in a conversation's message box (a suggestion chosen), replacing its draft. */
export function fillComposer(conversationId: string, text: string): void {
  saveDraft(conversationId, text);
  fillListeners.forEach((listener) => listener(conversationId, text));
}

/** Calls `listener` when a prompt is put in a message box. */
export function onComposerFilled(listener: DraftListener): () => void {
  fillListeners.add(listener);
  return () => fillListeners.delete(listener);
}
