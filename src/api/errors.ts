import type { ChatErrorKind, ReplyProblem } from '../domain/types';
import { noteOf, said, SaidError, type Said } from '../i18n';

/** Every failure of a chat request, typed, with a message a person can act on. */
export class ChatError extends SaidError {
  readonly kind: ChatErrorKind;
  readonly status?: number;
  readonly retryAfter?: string;

  constructor(kind: ChatErrorKind, text: Said, extra: { status?: number; retryAfter?: string } = {}) {
    super(text);
    this.name = 'ChatError';
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
  }

  toProblem(): ReplyProblem {
    const p: ReplyProblem = { kind: this.kind, ...noteOf(this.said) };
    if (this.status !== undefined) p.status = this.status;
    if (this.retryAfter !== undefined) p.retryAfter = this.retryAfter;
    return p;
  }
}

const MAX_DETAIL = 300;

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_DETAIL ? `${t.slice(0, MAX_DETAIL - 1)}…` : t;
}

/** Where `tag`'s element is in `lower` (an HTML page in lower case): its content's start and end, or undefined. */
function element(lower: string, tag: string): [number, number] | undefined {
  const open = lower.indexOf(`<${tag}`);
  const start = open < 0 ? -1 : lower.indexOf('>', open);
  const end = start < 0 ? -1 : lower.indexOf(`</${tag}>`, start);
  return end < 0 ? undefined : [start + 1, end];
}

/**
 * The text of an HTML error page (a gateway's 502, say): its title, else its first
 * heading, else its words. Found with indexOf and one tag-stripping pass, so that a
 * hostile page costs time in proportion to its size, not its square.
 */
function textOfHtml(html: string): string {
  // ASCII only: the same length as the page, so that places in it are places in the page.
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const at = element(lower, 'title') ?? element(lower, 'h1');
  let pick = at ? html.slice(...at) : '';
  if (!at) {
    // Everything but scripts and styles.
    const open = /<(script|style)\b/g;
    let from = 0;
    for (let m = open.exec(lower); m; m = open.exec(lower)) {
      pick += `${html.slice(from, m.index)} `;
      const close = lower.indexOf(`</${m[1]}>`, m.index);
      from = close < 0 ? html.length : close + m[1]!.length + 3;
      if (close < 0) break;
      open.lastIndex = from;
    }
    pick += html.slice(from);
  }
  return pick
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** How deep an error value is looked into: `{"error": {"message": …}}` is two. */
const ERROR_DEPTH = 8;

/** Reads what an error value from an OpenAI-style server says, whatever its shape. */
export function describeErrorValue(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || depth >= ERROR_DEPTH) return undefined;
  const o = value as Record<string, unknown>;
  for (const key of ['message', 'error', 'detail', 'msg']) {
    const inner = describeErrorValue(o[key], depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** An event stream's data, its events' `data:` lines joined: what an error sent as an event stream says. */
function eventStreamData(body: string): string {
  return body
    .split(/\r\n|\r|\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
    .join('\n');
}

/** What an error response body says: JSON `error.message`, an event stream's error event, plain text or HTML. */
export function errorDetailFromBody(body: string, contentType: string | null): string {
  let trimmed = body.trim();
  if (contentType?.toLowerCase().includes('event-stream') || trimmed.startsWith('data:')) trimmed = eventStreamData(trimmed).trim();
  if (!trimmed) return '';
  if (contentType?.includes('json') || trimmed.startsWith('{')) {
    try {
      const detail = describeErrorValue(JSON.parse(trimmed));
      if (detail) return shorten(detail);
    } catch {
      // not JSON after all: fall through to text
    }
  }
  if (contentType?.includes('html') || /^<(!doctype|html|head|body)/i.test(trimmed)) {
    return shorten(textOfHtml(trimmed));
  }
  return shorten(trimmed);
}

/** A redirect answered to `redirect: 'manual'`: opaque in a browser, the 3xx itself elsewhere. */
export const isRedirect = (response: Response): boolean =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

/** How much of an error's body is read: enough for any message, not a hostile server's megabytes. */
const ERROR_BODY_BYTES = 64 * 1024;

/** A response body as text, its first `max` bytes at most (the rest is not read). */
export async function textAtMost(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.length;
  }
  if (size >= max) void reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const part of parts) {
    bytes.set(part.subarray(0, bytes.length - at), at);
    at += Math.min(part.length, bytes.length - at);
  }
  return new TextDecoder().decode(bytes);
}

/** Builds the ChatError for a non-OK HTTP response, reading (the start of) its body. */
export async function httpError(response: Response): Promise<ChatError> {
  let body = '';
  try {
    body = await textAtMost(response, ERROR_BODY_BYTES);
  } catch {
    // the body could not be read; the status still says enough
  }
  const detail = errorDetailFromBody(body, response.headers.get('content-type'));
  const retryAfter = response.headers.get('retry-after') ?? undefined;
  const status = response.status;
  return new ChatError(
    'http',
    said('http', status, response.statusText, detail, retryAfter ?? ''),
    retryAfter ? { status, retryAfter } : { status },
  );
}

/**
 * The fetch's own failure (CORS, DNS, offline, dropped connection) in plain words: before
 * the response, once it opened, or after some of the reply arrived.
 */
export function networkError(cause: unknown, stage: 'request' | 'opened' | 'replying'): ChatError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  let text: Said;
  if (stage === 'replying') text = said('connectionLost', offline);
  else if (stage === 'opened') text = said('connectionLostBeforeReply', offline);
  else text = offline ? said('offline') : said('unreachable', detail);
  return new ChatError('network', text);
}
