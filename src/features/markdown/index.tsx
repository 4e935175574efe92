import { lazy, Suspense } from 'react';
import { whenIdle } from '../../ui/idle';

export { holdOutOfSight } from './nearViewport';

type MarkdownModule = typeof import('./Markdown');

// The markdown pipeline is the largest part of the app: it loads after the first
// screen (at idle, or when a reply first needs it), and plain text stands in meanwhile.
let loaded: MarkdownModule | undefined;
let loading: Promise<MarkdownModule> | undefined;
const load = () =>
  (loading ??= import('./Markdown').then((m) => {
    loaded = m;
    m.warmUp();
    return m;
  }));
const LazyMarkdown = lazy(load);

/** Loads the renderer now: for a first screen that shows replies. Never rejects (plain text stands in). */
export const loadMarkdown = (): Promise<unknown> => load().catch(() => undefined);

/** Loads the renderer at idle, for the first reply to come. */
export function preloadMarkdown(): void {
  whenIdle(() => void load());
}

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  // Once loaded, rendered directly: a lazy component suspends on its first render even
  // then, and React holds a revealed Suspense boundary back for up to 300 ms.
  if (loaded) return <loaded.default text={text} streaming={streaming} />;
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap break-words">{text}</div>}>
      <LazyMarkdown text={text} streaming={streaming} />
    </Suspense>
  );
}
