import { nextIndex } from './nextIndex';
/** A link a reply cites, for the compact "Sources" list under it. */
export interface Source {
  url: string;
  title: string;
  domain: string;
}

// Everything here runs on model output: it is scanned by hand, in one pass, so that
// no input (a run of newlines, brackets or unclosed links) can make it more than linear.

/** Links are looked for in this much of a reply: what a long reply shows (SHOWN_CHARS in features/markdown/index.tsx). */
const SOURCES_READ_CHARS = 1_000_000;

/** The longest title of a markdown link that is read. */
const MAX_TITLE = 300;

/** `\s` of a pattern, by character code (NaN, past the end, is none). */
const isSpace = (c: number) => (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c > 127 && /\s/.test(String.fromCharCode(c)));
/** What ends a line for `.` and `$` of a pattern. */
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

function domainOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

const isTrimmed = (c: string | undefined) =>
  c !== undefined && (isSpace(c.charCodeAt(0)) || c === ':' || c === '–' || c === '—' || c === '-');

function cleanTitle(text: string): string {
  const s = text.replace(/[*_`]/g, '');
  let from = 0;
  let to = s.length;
  while (from < to && isTrimmed(s[from])) from++;
  while (to > from && isTrimmed(s[to - 1])) to--;
  return s.slice(from, to).replace(/\s+/g, ' ');
}

/** `text` without fenced code (``` to ``` or to the end), then without code spans (`…` on one line). */
function withoutCode(text: string): string {
  const kept: string[] = [];
  for (let from = 0; ;) {
    const fence = text.indexOf('```', from);
    kept.push(fence === -1 ? text.slice(from) : text.slice(from, fence));
    const close = fence === -1 ? -1 : text.indexOf('```', fence + 3);
    if (close === -1) break;
    from = close + 3;
  }
  return withoutSpans(kept.join(''));
}

function withoutSpans(text: string): string {
  const kept: string[] = [];
  const newline = nextIndex(text, '\n');
  let from = 0;
  let at = text.indexOf('`');
  while (at !== -1) {
    const close = text.indexOf('`', at + 1);
    if (close === -1) break;
    const nl = newline(at + 1);
    if (nl !== -1 && nl < close) {
      at = close; // no span starts before this line's end, and the backtick after it may open one
      continue;
    }
    kept.push(text.slice(from, at));
    from = close + 1;
    at = text.indexOf('`', from);
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/** The end of the run of characters from `from` that `stop` does not stop, remembered: many links can share one run. */
function runEnds(text: string, stop: (c: number) => boolean): (from: number) => number {
  let start = -1;
  let end = -1;
  return (from) => {
    if (from >= start && from <= end) return end;
    start = from;
    end = from;
    while (end < text.length && !stop(text.charCodeAt(end))) end++;
    return end;
  };
}

const SCHEMES = ['http://', 'https://'];
const schemeAt = (text: string, at: number) => SCHEMES.find((s) => text.startsWith(s, at));

/** `[title](http…)` and `[title](http… "tooltip")`, not images: as the pattern `(?<!!)\[([^\]\n]{1,300})\]\((https?:\/\/[^\s)]+)(?:\s+"[^"]*")?\)` finds them. */
function markdownLinks(text: string, add: (url: string, title: string) => void): void {
  const urlEnd = runEnds(text, (c) => c === 41 /* ) */ || isSpace(c));
  /** Where the link whose address ends at `lastEnd` ends, or -1: the links tried one after the other can share one address run. */
  let lastEnd = -1;
  let lastClose = -1;
  const closeAfter = (end: number): number => {
    if (text[end] === ')') return end + 1;
    let q = end;
    while (isSpace(text.charCodeAt(q))) q++;
    if (q === end || text[q] !== '"') return -1;
    const quote = text.indexOf('"', q + 1);
    return quote !== -1 && text[quote + 1] === ')' ? quote + 2 : -1;
  };
  let from = 0;
  for (let at = text.indexOf(']'); at !== -1; at = text.indexOf(']', from)) {
    const open = titleOpen(text, Math.max(from, at - 1 - MAX_TITLE), at);
    from = at + 1;
    if (open === -1 || text[at + 1] !== '(') continue;
    const scheme = schemeAt(text, at + 2);
    if (!scheme) continue;
    const start = at + 2 + scheme.length;
    const end = urlEnd(start);
    if (end === start) continue;
    if (end !== lastEnd) [lastEnd, lastClose] = [end, closeAfter(end)];
    const close = lastClose;
    if (close === -1) continue;
    add(text.slice(at + 2, end), text.slice(open + 1, at));
    from = close;
  }
}

/** The first `[` in [from, at - 1) that opens a title ending at `at`: none may be followed by a newline before it, or come after `!`; -1 if none. */
function titleOpen(text: string, from: number, at: number): number {
  const window = text.slice(from, at);
  const start = window.lastIndexOf('\n') + 1;
  for (let k = window.indexOf('[', start); k !== -1 && k < window.length - 1; k = window.indexOf('[', k + 1)) {
    if (text[from + k - 1] !== '!') return from + k;
  }
  return -1;
}

/** A line's marker and the space after it, `[1] ` or `1. `: each part stops where the next begins, so it cannot backtrack. */
const MARKER = /^[^\S\n\r\u2028\u2029]*(?:\[\d+\]|\d+[.)])[^\S\n\r\u2028\u2029]/gm;

/** "[1] https://… Title" or "1. Title — https://…": numbered references with bare URLs, one a line. */
function numberedReferences(text: string, add: (url: string, title: string) => void): void {
  const urlEnd = runEnds(text, (c) => c === 41 /* ) */ || c === 93 /* ] */ || isSpace(c));
  const nextHttp = nextIndex(text, 'http');
  for (const m of text.matchAll(MARKER)) {
    const titleStart = m.index + m[0].length;
    let end = titleStart;
    while (end < text.length && !isLineEnd(text.charCodeAt(end))) end++;
    for (let at = nextHttp(titleStart); at !== -1 && at < end; at = nextHttp(at + 1)) {
      const scheme = schemeAt(text, at);
      if (!scheme) continue;
      const urlStop = Math.min(urlEnd(at + scheme.length), end);
      if (urlStop === at + scheme.length) continue;
      const before = text.slice(titleStart, at);
      if (!before.endsWith('](')) add(text.slice(at, urlStop), `${before} ${text.slice(urlStop, end)}`);
      break;
    }
  }
}

/** The http(s) links a reply cites (in its first SOURCES_READ_CHARS, to a line's end), in order, each once; code is not searched. */
export function extractSources(markdown: string): Source[] {
  const read =
    markdown.length > SOURCES_READ_CHARS
      ? markdown.slice(0, markdown.lastIndexOf('\n', SOURCES_READ_CHARS) + 1 || SOURCES_READ_CHARS)
      : markdown;
  const text = withoutCode(read);
  const found = new Map<string, Source>();
  const tried = new Set<string>();
  const add = (url: string, title: string) => {
    if (tried.has(url)) return;
    tried.add(url);
    const domain = domainOf(url);
    if (!domain) return;
    found.set(url, { url, title: cleanTitle(title) || domain, domain });
  };
  markdownLinks(text, add);
  numberedReferences(text, add);
  return [...found.values()];
}

/** A heading that opens a reply's own list of sources: "### Sources", "**References:**", "来源：". */
const SOURCES_HEADING =
  /^ {0,3}(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:sources|references|citations|来源|参考资料|参考来源|参考文献|引用)(?:\*\*|__)?[ \t]*[:：]?[ \t]*(?:\*\*|__)?[ \t]*$/i;
const HEADING_WORDS = ['sources', 'references', 'citations', '来源', '参考资料', '参考来源', '参考文献', '引用'];
/** A line of that list: a marker, then somewhere an http(s) link. */
const REFERENCE_ITEM = /^ {0,3}(?:[-*+]|\d{1,3}[.)]|\[\d{1,3}\])[ \t].*https?:\/\//;
/** A list of sources is looked for in this much of a reply's end (a list of 8 is about 1,000 characters). */
const SECTION_READ_CHARS = 20_000;
/** An unfinished line that may still become such an item: a marker, or the start of one. */
const STARTED_ITEM = /^ {0,3}(?:[-*+]|\d{1,3}[.)]?|\[\d{0,3}\]?)(?:[ \t]|$)/;
/** An unfinished heading's marks and the words so far. */
const HEADING_START = /^ {0,3}(?:#{1,6}(?:[ \t]+(?:\*\*|__)?)?|\*\*|__)(.*)$/;

/** An unfinished last line that may yet become a sources heading ("### Sou"). */
function mayBecomeHeading(line: string): boolean {
  const words = HEADING_START.exec(line)?.[1]?.toLowerCase();
  return words !== undefined && HEADING_WORDS.some((w) => w.startsWith(words));
}

/**
 * A reply that ends with its own list of sources, split into what is read as the reply
 * (`body`) and that list (`section`), shown as chips instead: a reply's sources show once.
 * Only the end of the text is read, line by line back from it, so this is cheap on every
 * streamed update; while streaming, a list (or its heading) still arriving is held back.
 */
export function splitSourcesSection(markdown: string, streaming = false): { body: string; section: string } {
  const none = { body: markdown, section: '' };
  const split = (at: number) => ({ body: markdown.slice(0, at).trimEnd(), section: markdown.slice(at) });
  let items = 0;
  for (let end = markdown.length, last = true; ; last = false) {
    const start = markdown.lastIndexOf('\n', end - 1) + 1;
    if (markdown.length - start > SECTION_READ_CHARS) return none;
    const line = markdown.slice(start, end).replace(/\r$/, '');
    if (SOURCES_HEADING.test(line)) return items > 0 || streaming ? split(start) : none;
    if (last && streaming && line !== '') {
      if (mayBecomeHeading(line)) return split(start);
      if (!STARTED_ITEM.test(line)) return none;
      items++;
    } else if (REFERENCE_ITEM.test(line)) items++;
    else if (line.trim() !== '') return none;
    if (start === 0) return none;
    end = start - 1;
  }
}
