import { Component, useEffect, useState, type ReactNode } from 'react';
import { whenIdle } from '../../ui/idle';

export { holdOutOfSight } from './nearViewport';

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
 * A message is being written: the renderer loads, and warms up at idle (see warmUp in
 * Markdown.tsx) for the reply to come. Not on opening a conversation: its replies warm it,
 * and the warm-up's idle slices would only delay them.
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

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  const renderer = useRenderer();
  if (!renderer) return <PlainText text={text} />;
  return (
    <PlainTextOnError text={text}>
      <renderer.default text={text} streaming={streaming} />
    </PlainTextOnError>
  );
}
