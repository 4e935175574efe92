// Peer (e): assistant-ui's markdown renderer (@assistant-ui/react-markdown), used as its README and docs use it:
// the streamed text is the one assistant message of an external-store runtime, and its text part is rendered by
// MarkdownTextPrimitive (react-markdown underneath, its default smooth reveal on) in MessagePrimitive.Parts, fed
// the same deltas. The message runs (data-status="running", with the package's dot) until the stream ends.
import '@assistant-ui/react-markdown/styles/dot.css';
import {
  AssistantRuntimeProvider,
  MessagePrimitive,
  ThreadPrimitive,
  useExternalStoreRuntime,
  type ThreadMessageLike,
} from '@assistant-ui/react';
import { MarkdownTextPrimitive } from '@assistant-ui/react-markdown';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import remarkGfm from 'remark-gfm';
import { streamDeltas } from './stream';

interface Reply {
  text: string;
}

// Stable, as the runtime caches converted messages by the converter and the message object.
const convertMessage = ({ text }: Reply): ThreadMessageLike => ({ id: 'reply', role: 'assistant', content: [{ type: 'text', text }] });

const MarkdownText = () => <MarkdownTextPrimitive remarkPlugins={[remarkGfm]} className="aui-md" />;

function Peer() {
  const [messages, setMessages] = useState<readonly Reply[]>([]);
  const [streaming, setStreaming] = useState(false);
  useEffect(() => {
    // The runner starts the stream, so that it measures from the same moment for every page.
    (window as unknown as { __start: () => void }).__start = () => {
      setStreaming(true);
      void streamDeltas((d) => setMessages((m) => [{ text: (m[0]?.text ?? '') + d }])).then(() => setStreaming(false));
    };
  }, []);
  const runtime = useExternalStoreRuntime<Reply>({
    messages,
    isRunning: streaming,
    convertMessage,
    onNew: async () => {},
  });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <div id="out">
        <ThreadPrimitive.Messages>
          {() => (
            <MessagePrimitive.Root>
              <MessagePrimitive.Parts>{({ part }) => (part.type === 'text' ? <MarkdownText /> : null)}</MessagePrimitive.Parts>
            </MessagePrimitive.Root>
          )}
        </ThreadPrimitive.Messages>
      </div>
    </AssistantRuntimeProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Peer />);
