// Reference (d): only reading the stream, as any client built on fetch-event-source
// must — every event parsed as JSON, its text collected — and nothing rendered until
// the end. Its script time is the floor under every such client.
import { fetchEventSource } from '@microsoft/fetch-event-source';

(window as unknown as { __start: () => void }).__start = () => {
  let text = '';
  void fetchEventSource('/v1/chat/completions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer bench',
      accept: 'text/event-stream',
      'x-simulator': 'chunk=4, delay=0',
    },
    body: JSON.stringify({ model: 'bitseek-auto', stream: true, messages: [{ role: 'user', content: 'benchmark reply' }] }),
    openWhenHidden: true,
    onmessage(message) {
      if (!message.data || message.data === '[DONE]') return;
      const delta = JSON.parse(message.data).choices?.[0]?.delta?.content;
      if (typeof delta === 'string') text += delta;
    },
    onclose() {
      document.getElementById('out')!.textContent = text;
    },
    onerror(error) {
      throw error;
    },
  });
};
