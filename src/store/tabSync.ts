// Tabs of the app tell each other what they saved or deleted; each reads the
// stored record and merges it, so a message sent in one tab shows in the others.
export type TabNews = { type: 'saved'; ids: string[] } | { type: 'deleted'; id: string };

const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('bitseek-chat') : undefined;

export function tellOtherTabs(news: TabNews): void {
  channel?.postMessage(news);
}

export function listenToOtherTabs(onNews: (news: TabNews) => void): void {
  channel?.addEventListener('message', (e: MessageEvent<TabNews>) => onNews(e.data));
}
