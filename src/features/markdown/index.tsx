import { lazy, Suspense } from 'react';

// The markdown pipeline is the largest part of the app: it loads after the first
// screen (at idle, or when a reply first needs it), and plain text stands in meanwhile.
const load = () => import('./Markdown');
const LazyMarkdown = lazy(load);

export function preloadMarkdown(): void {
  const start = () => void load();
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap break-words">{text}</div>}>
      <LazyMarkdown text={text} streaming={streaming} />
    </Suspense>
  );
}
