// The benchmark's reply: about 200 KB of markdown with headings, tables, code and
// lists, the same bytes every time. The simulator answers it to "benchmark reply".

export const BENCH_END_MARKER = 'END-OF-BENCHMARK-REPLY';

function section(n: number): string {
  return [
    `## Section ${n}: streaming without stutter`,
    '',
    `Paragraph ${n} explains, at some length, why a chat client must never re-parse the whole reply on every token: the work grows with the square of the reply's length, and **long answers** freeze the page. Here is \`inline code\`, *emphasis* and a [link](https://example.com/section/${n}).`,
    '',
    '| Metric | Naive | Incremental |',
    '| --- | ---: | ---: |',
    `| parse calls | ${n * 1000} | ${n} |`,
    `| longest task | ${n * 3} ms | 4 ms |`,
    '',
    '```ts',
    `export function step${n}(input: string): number {`,
    `  let total = ${n};`,
    '  for (const ch of input) total += ch.charCodeAt(0);',
    '  return total;',
    '}',
    '```',
    '',
    `- first point of section ${n}`,
    `- second point, with a nested list:`,
    `  1. nested one`,
    `  2. nested two`,
    `- third point`,
    '',
    `> A quotation closing section ${n}.`,
    '',
  ].join('\n');
}

let cached: string | undefined;

/** The reply's size: ~200 KB, or BENCH_REPLY_CHARS (a shorter reply, for `npm run bench` at a person's pace). */
const REPLY_CHARS = Number(process.env.BENCH_REPLY_CHARS) || 200 * 1024;

export function benchReply(targetBytes = REPLY_CHARS): string {
  if (cached && targetBytes === REPLY_CHARS) return cached;
  const parts = ['# Benchmark reply', ''];
  let size = 0;
  for (let n = 1; size < targetBytes; n++) {
    const s = section(n);
    parts.push(s);
    size += s.length;
  }
  parts.push(`Done: ${BENCH_END_MARKER}`);
  const text = parts.join('\n');
  if (targetBytes === REPLY_CHARS) cached = text;
  return text;
}
