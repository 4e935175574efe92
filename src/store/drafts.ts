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
