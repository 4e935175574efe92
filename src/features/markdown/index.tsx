import { Component, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { download } from '../../ui/download';
import { useT } from '../../i18n/useT';
import { whenIdle } from '../../ui/idle';

export { holdOutOfSight } from './nearViewport';
export { CitationSources } from './citations';

type MarkdownModule = typeof import('./Markdown');

// The markdown pipeline is the largest part of the app: it loads after the first
// screen (at idle, or when a reply first needs it), and plain text stands in meanwhile.
// Not React.lazy: it keeps a failed load's error for good and throws it into the
// render, and with the network gone for a moment as the chunk loaded, every reply
// after stayed blank ("Waiting for the reply…") in a page that no longer updated.
let loaded: MarkdownModule | undefined;
let loading: Promise<MarkdownModule> | undefined;
const waiting = new Set<() => void>();

const load = () =>
  (loading ??= import('./Markdown').then(
    (m) => {
      loaded = m;
      for (const ready of waiting) ready();
      return m;
    },
    (error: unknown) => {
      loading = undefined; // asked again later: by the next reply, or when the network is back
      throw error;
    },
  ));

/** Loads the renderer now: for a first screen that shows replies. Never rejects (plain text stands in). */
export const loadMarkdown = (): Promise<unknown> => load().catch(() => undefined);

let warming = false;

/**
 * A message is being written: the renderer loads, and warms up at idle (see warmUp.tsx)
 * for the reply to come. Not on opening a conversation: its replies warm it, and the
 * warm-up's idle slices would only delay them.
 */
export function prepareMarkdownForReply(): void {
  void load().then(
    (m) => {
      if (!warming) m.warmUp();
      warming = true;
    },
    () => undefined,
  );
}

/** Loads the renderer at idle, for the first reply to come. */
export function preloadMarkdown(): void {
  whenIdle(() => void loadMarkdown());
}

/** The renderer once it is loaded; until then undefined, and it is asked for (again, after a failure, once online). */
function useRenderer(): MarkdownModule | undefined {
  const [, setReady] = useState(0);
  const renderer = loaded;
  useEffect(() => {
    if (renderer) return;
    const ready = () => setReady((n) => n + 1);
    if (loaded) return ready(); // loaded since this rendered
    waiting.add(ready);
    const retry = () => void loadMarkdown();
    retry();
    addEventListener('online', retry);
    return () => {
      waiting.delete(ready);
      removeEventListener('online', retry);
    };
  }, [renderer]);
  return renderer;
}

const PlainText = ({ text }: { text: string }) => <div className="whitespace-pre-wrap break-words">{text}</div>;

/** A reply the renderer failed on shows as plain text, and only it: the rest of the page goes on. */
class PlainTextOnError extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PlainText text={this.props.text} /> : this.props.children;
  }
}

/**
 * A longer reply shows its first this many characters, and a note with a download for
 * the whole of it: even as plain text, tens of megabytes would take the page seconds to
 * lay out, and every update of a stream would copy them.
 */
export const SHOWN_CHARS = 1_000_000;

/** Where a long reply is cut: at a blank line (whole blocks) or a line's end near SHOWN_CHARS, else at it. */
export function shownLength(text: string): number {
  if (text.length <= SHOWN_CHARS) return text.length;
  const head = text.slice(0, SHOWN_CHARS);
  const blank = head.lastIndexOf('\n\n');
  if (blank > SHOWN_CHARS * 0.9) return blank + 1;
  const line = head.lastIndexOf('\n');
  return line > SHOWN_CHARS * 0.9 ? line + 1 : SHOWN_CHARS;
}

/** The part of a reply that is shown; while it streams past SHOWN_CHARS, kept rather than cut again from each (growing) update. */
function useShown(text: string, streaming: boolean): string {
  const kept = useRef<{ shown: string; streaming: boolean; length: number }>(undefined);
  const k = kept.current;
  if (k && k.streaming && streaming && text.length >= k.length) return k.shown;
  const shown = text.length > SHOWN_CHARS ? text.slice(0, shownLength(text)) : text;
  kept.current = shown.length < text.length ? { shown, streaming, length: text.length } : undefined;
  return shown;
}

function LongReplyNote({ text, shown }: { text: string; shown: number }) {
  const t = useT().markdown;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  return (
    <div
      role="note"
      className="mt-3 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm text-ink-muted"
    >
      <span className="min-w-0 flex-1">{t.longReply(mb(text.length), mb(shown))}</span>
      <Button variant="secondary" size="sm" onClick={() => download('reply.md', text, 'text/markdown')}>
        {t.downloadReply}
      </Button>
    </div>
  );
}

export function Markdown({ text, streaming, eager }: { text: string; streaming: boolean; eager: boolean }) {
  const renderer = useRenderer();
  const shown = useShown(text, streaming);
  const cut = shown.length < text.length;
  return (
    <>
      {!renderer ? (
        <PlainText text={shown} />
      ) : (
        <PlainTextOnError text={shown}>
          {/* Cut, the shown part is finished: it no longer changes. */}
          <renderer.default text={shown} streaming={streaming && !cut} eager={eager} />
        </PlainTextOnError>
      )}
      {cut && <LongReplyNote text={text} shown={shown.length} />}
    </>
  );
}
