// Peer (c): Streamdown, a renderer made for streaming markdown, fed the same deltas.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Streamdown } from 'streamdown';
import { streamDeltas } from './stream';

function Peer() {
  const [text, setText] = useState('');
  const [streaming, setStreaming] = useState(true);
  useEffect(() => {
    // The runner starts the stream, so that it measures from the same moment for every page.
    (window as unknown as { __start: () => void }).__start = () =>
      void streamDeltas((d) => setText((t) => t + d)).then(() => setStreaming(false));
  }, []);
  return (
    <div id="out">
      <Streamdown isAnimating={streaming}>{text}</Streamdown>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Peer />);
