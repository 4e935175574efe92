// How a request asks the simulator for a pace, a wire variant or a fault:
// the `X-Simulator` header, e.g. `X-Simulator: delay=0, drop-after=3`.

type ErrorBodyKind = 'json' | 'text' | 'html';

export interface SimOptions {
  /** ms between chunks (default: the server's pace, SIM_DELAY_MS or 25). */
  delayMs?: number;
  /** characters per text delta; by default one word a delta */
  chunkChars?: number;
  /** ms before the response headers are sent */
  firstByteMs?: number;
  /** answer with this HTTP status and an error body instead of a stream */
  status?: number;
  body: ErrorBodyKind;
  retryAfter?: string;
  /** after N content chunks: cut the connection */
  dropAfter?: number;
  /** after N content chunks: end the response cleanly, without a finish_reason */
  closeAfter?: number;
  /** after N content chunks: send one event that is not valid JSON, then go on */
  malformedAfter?: number;
  /** after N content chunks: send an {"error"} event and end */
  errorAfter?: number;
  /** keep the response open after the finish chunk */
  hangAfterFinish: boolean;
  /** end with `data: [DONE]` (Bitseek does not unless asked) */
  done: boolean;
  /** ignore `stream` and answer one application/json reply */
  json: boolean;
  /** a comment line before every event */
  heartbeat: boolean;
  /** an `event: ping` that must be ignored, before the content */
  unknownEvent: boolean;
  /** stream reasoning_content before the text */
  reasoning: boolean;
  /** OpenAI's extras: role chunk first, usage chunk last, object chat.completion.chunk */
  openaiExtras: boolean;
  /** CRLF line endings */
  crlf: boolean;
  /** answer 307 Temporary Redirect to this URL instead of a stream */
  redirectTo?: string;
}

function int(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function parseSimOptions(header: string | undefined): SimOptions {
  const pairs = new Map<string, string>();
  for (const part of (header ?? '').split(/[,;]/)) {
    const [key, ...rest] = part.split('=');
    const k = key?.trim().toLowerCase();
    if (k) pairs.set(k, rest.join('=').trim());
  }
  const flag = (name: string) => pairs.has(name);
  const body = pairs.get('body');
  const options: SimOptions = {
    body: body === 'text' || body === 'html' ? body : 'json',
    hangAfterFinish: flag('hang-after-finish'),
    done: flag('done'),
    json: flag('json'),
    heartbeat: flag('heartbeat'),
    unknownEvent: flag('unknown-event'),
    reasoning: flag('reasoning'),
    openaiExtras: flag('openai-extras'),
    crlf: flag('crlf'),
  };
  const numbers = {
    delayMs: 'delay',
    chunkChars: 'chunk',
    firstByteMs: 'first-byte-ms',
    status: 'status',
    dropAfter: 'drop-after',
    closeAfter: 'close-after',
    malformedAfter: 'malformed-after',
    errorAfter: 'error-after',
  } as const;
  for (const [field, name] of Object.entries(numbers) as [keyof typeof numbers, string][]) {
    const n = int(pairs.get(name));
    if (n !== undefined) options[field] = n;
  }
  const redirectTo = pairs.get('redirect-to');
  if (redirectTo) options.redirectTo = redirectTo;
  const retryAfter = pairs.get('retry-after');
  if (retryAfter) options.retryAfter = retryAfter;
  return options;
}
