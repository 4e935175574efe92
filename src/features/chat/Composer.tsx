import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { toolsToSend } from '../../domain/tools';
import { toolsOf, useChatStore } from '../../store/chatStore';
import { useNeedsConnection } from '../../store/deployStore';
import { loadDraft, onComposerFilled, onHeldDraftSent, saveDraft } from '../../store/drafts';
import { Button } from '../../ui/Button';
import { ComposerToolbar } from './ComposerToolbar';
import { useOnline } from '../../ui/useOnline';
import { prepareMarkdownForReply } from '../markdown';
import { warmStreamWorker } from '../../api';
import { say } from '../../i18n';
import { useT } from '../../i18n/useT';

/** The message box's id: the / shortcut focuses it. */
export const COMPOSER_ID = 'composer';

/** The message box: Enter sends, Shift+Enter is a newline, Escape stops a streaming reply. */
export function Composer({ conversationId, onOpenOptions }: { conversationId: string; onOpenOptions?: () => void }) {
  const t = useT();
  const [text, setText] = useState(() => loadDraft(conversationId));
  const busy = useChatStore((s) => s.streaming.has(conversationId));
  const send = useChatStore((s) => s.send);
  const stop = useChatStore((s) => s.stop);
  const box = useRef<HTMLTextAreaElement>(null);
  // Invalid tools are never sent: Send says why it is blocked.
  const tools = useChatStore((s) => toolsOf(s.conversations.get(conversationId)));
  const toSend = useMemo(() => toolsToSend(tools), [tools]);
  const toolsSaid = toSend.problems[0]?.said;
  const toolsProblem = toolsSaid && say(t, toolsSaid);
  // Why Send is blocked, when it is: offline (the draft stays), not connected anywhere yet, or invalid tools.
  const online = useOnline();
  const needsConnection = useNeedsConnection();
  const blocked = !online ? t.chat.offline : needsConnection ? t.connect.notConnected : toolsProblem && t.chat.sendBlocked(toolsProblem);
  const blockedId = useId();

  useEffect(() => {
    const t = setTimeout(() => saveDraft(conversationId, text), 300);
    return () => clearTimeout(t);
  }, [conversationId, text]);

  useEffect(() => {
    if (!busy) return;
    const onKey = (e: KeyboardEvent) => {
      // Escape inside an open dialog, or over a drawer, closes that instead.
      if (e.key === 'Escape' && !document.querySelector('dialog[open], [data-over]')) stop(conversationId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, conversationId, stop]);

  const submit = () => {
    if (busy || !text.trim() || blocked) return;
    // A message held back (the key's endpoint changed) stays in the box until it goes.
    if (!send(text)) return;
    setText('');
    saveDraft(conversationId, '');
    box.current?.focus();
  };

  // A message held back (see submit) went once the person agreed: the box empties if it still shows it.
  useEffect(
    () =>
      onHeldDraftSent((id, sent) => {
        if (id === conversationId) setText((current) => (current === sent ? '' : current));
      }),
    [conversationId],
  );
  // A suggestion chosen in the empty state: its prompt, ready to edit or send.
  useEffect(
    () =>
      onComposerFilled((id, prompt) => {
        if (id !== conversationId) return;
        setText(prompt);
        requestAnimationFrame(() => box.current?.focus());
      }),
    [conversationId],
  );

  return (
    <form
      className="border-t border-line bg-surface px-4 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="mx-auto flex max-w-reading items-end gap-2">
        <label htmlFor={COMPOSER_ID} className="sr-only">
          {t.chat.message}
        </label>
        <textarea
          id={COMPOSER_ID}
          ref={box}
          value={text}
          autoFocus
          rows={Math.min(8, Math.max(1, text.split('\n').length))}
          aria-keyshortcuts="/"
          placeholder={t.chat.placeholder}
          onChange={(e) => {
            setText(e.target.value);
            // Typing a first message is the surest sign a reply is coming: the renderer
            // loads and warms up, and the stream reader starts, now (once), so that reply never waits on them.
            prepareMarkdownForReply();
            warmStreamWorker();
          }}
          onKeyDown={(e) => {
            // isComposing: Enter that confirms an IME candidate (Chinese input) must not send.
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          className="max-h-60 min-h-10 flex-1 resize-none rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm leading-6 placeholder:text-ink-muted"
        />
        {busy ? (
          <Button variant="secondary" onClick={() => stop(conversationId)} className="h-10">
            {t.chat.stop}
          </Button>
        ) : (
          <Button
            type="submit"
            variant="primary"
            disabled={!text.trim() || !!blocked}
            aria-describedby={blocked ? blockedId : undefined}
            className="h-10"
          >
            {t.chat.send}
          </Button>
        )}
      </div>
      <ComposerToolbar conversationId={conversationId} tools={tools} sent={toSend.tools} {...(onOpenOptions && { onOpenOptions })} />
      {blocked && (
        <p id={blockedId} className="mx-auto mt-2 max-w-reading text-xs text-danger">
          {blocked}
        </p>
      )}
    </form>
  );
}
