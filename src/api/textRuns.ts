// A fast stream is tens of thousands of events that differ only in a few characters of
// text: the same id, model and shape around each 4-character delta. fetch-event-source
// reads every byte of them one by one, decodes each line twice, and each event's JSON
// is parsed whole, to give the page text it then joins anyway. This joins, before the
// reader, each run of such events into one event carrying their text: the reader and
// the parser see one event a run, and what comes out is what the events one by one
// would have given, joined. Only a run of events that the first of its kind says are
// text-only is joined (see chunk.ts's textTemplate); anything else goes by untouched.
import { textTemplate, type TextTemplate } from './chunk';

const LF = 10;
/** Any JSON string's body, as a regular expression's source. Bodies joined are one: no escape can be cut, as none ends a body. */
const BODY = String.raw`(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*`;
/** After failing to learn a template, the next tries skip 0, 1, 3, 7… events, up to this many, until one succeeds. */
const MOST_SKIPPED = 1024;

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TextRuns {
  /**
   * `piece` (an event stream's bytes, ending at a line end, following the pieces
   * given before it) with each run of two or more text-only events as one event,
   * and how many events fewer the result has than the piece.
   */
  join(piece: Uint8Array): { bytes: Uint8Array; fewer: number };
}

/**
 * A whole event line (`data: ` and the JSON around the text), its text taken out:
 * head + text + tail, and `run`, which matches one or more such events in a row, each
 * with its blank line. No text can hold the tail, a blank line and the head in a row
 * (a body has no line end), so a run's text is its own with those taken out.
 */
interface LineTemplate {
  head: string;
  tail: string;
  run: RegExp;
}

function lineTemplate(head: string, tail: string): LineTemplate {
  return { head, tail, run: new RegExp(`(?:${literal(head)}${BODY}${literal(tail)}\n\n)+`, 'y') };
}

/** Where the next event starts, from `at`, a line's start: after the next blank line. */
function afterBlankLine(text: string, at: number): number {
  if (text.charCodeAt(at) === LF) return at + 1;
  const blank = text.indexOf('\n\n', at);
  return blank === -1 ? text.length : blank + 2;
}

/**
 * Joins runs of text-only events of one event stream, piece by piece (see above).
 * A stream whose lines end in CR (or CRLF) is given back untouched: its events may
 * be cut between pieces in ways only the reader follows.
 */
export function textRuns(): TextRuns {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const encoder = new TextEncoder();
  let template: LineTemplate | undefined;
  /** Whether the next piece starts an event: what it starts with is not the rest of one. */
  let atEventStart = true;
  let off = false;
  let skip = 0;
  let backoff = 1;

  /** Where the run of events fitting `t` from `at` ends, or -1 if the event at `at` does not fit. */
  const runEnd = (text: string, at: number, t: LineTemplate): number => {
    t.run.lastIndex = at;
    return t.run.test(text) ? t.run.lastIndex : -1;
  };

  /** A template from the event line `line`, if it is a text-only event; tries back off while lines are not. */
  const learn = (line: string): LineTemplate | undefined => {
    if (skip > 0) {
      skip--;
      return undefined;
    }
    const field = /^data: ?/.exec(line)?.[0];
    const found: TextTemplate | undefined = field === undefined ? undefined : textTemplate(line.slice(field.length));
    if (!found) {
      skip = backoff - 1;
      backoff = Math.min(backoff * 2, MOST_SKIPPED);
      return undefined;
    }
    backoff = 1;
    return lineTemplate(field + found.head, found.tail);
  };

  return {
    join(piece) {
      if (off || piece.length === 0) return { bytes: piece, fewer: 0 };
      const text = decoder.decode(piece);
      if (text.includes('\r')) {
        off = true;
        return { bytes: piece, fewer: 0 };
      }
      const out: string[] = [];
      let copied = 0;
      let fewer = 0;
      let at = atEventStart ? 0 : afterBlankLine(text, 0);
      while (at < text.length) {
        let next = template ? runEnd(text, at, template) : -1;
        const lineEnd = text.indexOf('\n', at);
        // A template is looked for in an event of one line (then a blank line) only.
        if (next === -1 && lineEnd !== at && text.charCodeAt(lineEnd + 1) === LF) {
          const learned = learn(text.slice(at, lineEnd));
          if (learned) next = runEnd(text, at, (template = learned));
        }
        if (next === -1) {
          at = afterBlankLine(text, at);
          continue;
        }
        const t = template!;
        const between = `${t.tail}\n\n${t.head}`;
        const run = text.slice(at + t.head.length, next - t.tail.length - 2);
        const joined = run.replaceAll(between, '');
        const events = 1 + (run.length - joined.length) / between.length;
        if (events > 1) {
          out.push(text.slice(copied, at), t.head, joined, t.tail, '\n\n');
          copied = next;
          fewer += events - 1;
        }
        at = next;
      }
      atEventStart = text.endsWith('\n\n') || text === '\n';
      if (!fewer) return { bytes: piece, fewer };
      out.push(text.slice(copied));
      return { bytes: encoder.encode(out.join('')), fewer };
    },
  };
}
