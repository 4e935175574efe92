// Server-sent events as the WHATWG rules read them, for the stream and for the inspector
// alike. fetch-event-source's own message reader dispatches at every blank line, with data
// or not (a comment's blank line became an empty event, `event: error` alone failed the
// turn), drops a leading empty data line, and strips a byte-order mark from every field;
// its line splitter (CR, LF and CRLF, across chunks) is used as it is.
import { getLines } from '@microsoft/fetch-event-source/lib/esm/parse';

export const EVENT_STREAM = 'text/event-stream';

/** A Content-Type's media type, lower case: `Text/Event-Stream; Charset=UTF-8` → `text/event-stream`. */
export const mediaType = (contentType: string | null): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export interface SseEvent {
  /** The event type; '' for the default, `message`. */
  event: string;
  data: string;
}

const SPACE = 0x20;

/**
 * A reader of an event stream's bytes, chunk by chunk, that calls `onEvent` for each
 * event it dispatches: at a blank line, and only if the event had a data line; its data
 * lines joined with "\n"; a line with no colon is a field with an empty value; a
 * byte-order mark is skipped at the very start of the stream only.
 */
export function sseReader(onEvent: (event: SseEvent) => void): (chunk: Uint8Array) => void {
  // ignoreBOM: a U+FEFF anywhere but the stream's start is text like any other.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let started = false;
  let event = '';
  let data: string | undefined;
  return getLines((line, fieldLength) => {
    if (!started) {
      started = true;
      if (line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) {
        line = line.subarray(3);
        if (fieldLength > 0) fieldLength -= 3;
      }
    }
    if (line.length === 0) {
      if (data !== undefined) onEvent({ event, data });
      event = '';
      data = undefined;
      return;
    }
    if (fieldLength === 0) return; // a comment
    const nameEnd = fieldLength < 0 ? line.length : fieldLength;
    const valueStart = fieldLength < 0 ? line.length : fieldLength + (line[fieldLength + 1] === SPACE ? 2 : 1);
    const name =
      nameEnd === 4 && line[0] === 0x64 && line[1] === 0x61 && line[2] === 0x74 && line[3] === 0x61
        ? 'data'
        : decoder.decode(line.subarray(0, nameEnd));
    if (name === 'data') {
      const value = decoder.decode(line.subarray(valueStart));
      data = data === undefined ? value : `${data}\n${value}`;
    } else if (name === 'event') event = decoder.decode(line.subarray(valueStart));
    // `id` and `retry` steer reconnection, which a chat stream never does.
  });
}
