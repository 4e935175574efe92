import { describe, expect, it } from 'vitest';
import { errorDetailFromBody, textAtMost } from './errors';

/** Milliseconds `fn` takes. */
function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('errorDetailFromBody', () => {
  it('reads a title, a heading, or the words of an HTML page, and JSON and event-stream errors', () => {
    expect(errorDetailFromBody('<html><head><TITLE>502 Bad Gateway</TITLE></head></html>', 'text/html')).toBe('502 Bad Gateway');
    expect(errorDetailFromBody('<html><body><h1>Down</h1></body></html>', 'text/html')).toBe('Down');
    expect(
      errorDetailFromBody('<html><script>var x = "<b>";</script><p>Plain &amp; simple</p><style>p{}</style></html>', 'text/html'),
    ).toBe('Plain & simple');
    expect(errorDetailFromBody('{"error":{"message":"Bad key"}}', 'application/json')).toBe('Bad key');
    expect(errorDetailFromBody('data: {"error":{"message":"No"}}\n\n', 'text/event-stream')).toBe('No');
  });

  it('takes time in proportion to a hostile body, not its square', () => {
    for (const body of [
      '<html>' + '<'.repeat(140_000),
      '<title>'.repeat(40_000),
      '<script>'.repeat(40_000),
      '<html>' + '<p'.repeat(100_000),
      '{"error":'.repeat(7_000),
    ]) {
      expect(timed(() => errorDetailFromBody(body, body.startsWith('{') ? 'application/json' : 'text/html'))).toBeLessThan(150);
    }
  });
});

describe('textAtMost', () => {
  it('reads no more than it is asked to', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
      },
    });
    expect(await textAtMost(new Response(body), 2500)).toBe('x'.repeat(2500));
  });
});
