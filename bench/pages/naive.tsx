// Baseline (b): what many chat UIs do — react-markdown over the full text, re-rendered on every delta.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { streamDeltas } from './stream';

function Naive() {
  const [text, setText] = useState('');
  useEffect(() => {
    // The runner starts the stream, so that it measures from the same moment for every page.
    (window as unknown as { __start: () => void }).__start = () => void streamDeltas((d) => setText((t) => t + d));
  }, []);
  return (
    <div id="out">
      <ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Naive />);
