// What the baseline pages share: one streamed request to the simulator, read
// with a plain SSE parser, each text delta handed to the page as it arrives.

export async function streamDeltas(onDelta: (text: string) => void): Promise<void> {
  const response = await fetch('/v1/chat/completions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer bench',
      accept: 'text/event-stream',
      // As fast as the simulator sends, or at the pace the page's address asks for (?sim=…).
      'x-simulator': new URLSearchParams(location.search).get('sim') ?? 'chunk=4, delay=0',
    },
    body: JSON.stringify({ model: 'bitseek-auto', stream: true, messages: [{ role: 'user', content: 'benchmark reply' }] }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = event.startsWith('data: ') ? event.slice(6) : '';
      if (!data || data === '[DONE]') continue;
      const text = JSON.parse(data).choices?.[0]?.delta?.content;
      if (text) onDelta(text);
    }
  }
}
