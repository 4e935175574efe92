import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { useChatStore } from '../store/chatStore';

/**
 * Screen readers hear a reply once, when it ends, not once per token: the message
 * log itself is not live. The text alternates a trailing space so that two replies
 * in a row are both announced.
 */
export function ReplyAnnouncer() {
  const t = useT();
  const [text, setText] = useState('');
  useEffect(
    () =>
      useChatStore.subscribe((s, prev) => {
        const id = s.activeId;
        if (!prev.streaming.has(id) || s.streaming.has(id)) return;
        const reply = s.conversations.get(id)?.messages.findLast((m) => m.role === 'assistant');
        const said = reply?.status === 'failed' ? t.app.replyFailed : reply?.status === 'stopped' ? t.chat.stopped : t.app.replyFinished;
        setText((before) => (before === said ? `${said}\u00a0` : said));
      }),
    [t],
  );
  return (
    <div role="status" aria-live="polite" className="sr-only">
      {text}
    </div>
  );
}
