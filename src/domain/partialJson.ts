import { parse } from 'jsonc-parser';

/** Deeper arguments are not read into a value: the tolerant parser recurses per level. */
export const MAX_ARGUMENT_DEPTH = 64;
/** Longer arguments are not parsed again on every update while they stream. */
export const MAX_LIVE_ARGUMENTS = 64 * 1024;
/** Longer arguments are not read into a tree at all. */
const MAX_READ_ARGUMENTS = 1024 * 1024;

export type ArgumentsView =
  | { status: 'streaming'; value: unknown }
  | { status: 'complete'; value: unknown }
  | { status: 'invalid'; raw: string }
  /** Too deep or too long to read into a tree: shown as the text received. */
  | { status: 'unread'; raw: string; why: 'deep' | 'long'; streaming: boolean };

/** How deep brackets nest in `text`, outside strings: one pass, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) max = Math.max(max, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return max;
}

/**
 * Tool-call arguments as far as they have arrived: mid-stream, a tolerant parse
 * of the incomplete text (`{"city": "Sing` → {city: "Sing"}); at the end, strict JSON.
 * Never throws: arguments too deep or too long for that come back as text.
 */
export function readArguments(text: string, streaming: boolean): ArgumentsView {
  if (text.length > (streaming ? MAX_LIVE_ARGUMENTS : MAX_READ_ARGUMENTS)) return { status: 'unread', raw: text, why: 'long', streaming };
  if (nestingDepth(text) > MAX_ARGUMENT_DEPTH) return { status: 'unread', raw: text, why: 'deep', streaming };
  if (streaming) {
    try {
      return { status: 'streaming', value: text.trim() ? parse(text, [], { allowTrailingComma: true }) : undefined };
    } catch {
      return { status: 'streaming', value: undefined };
    }
  }
  if (!text.trim()) return { status: 'complete', value: {} };
  try {
    return { status: 'complete', value: JSON.parse(text) as unknown };
  } catch {
    return { status: 'invalid', raw: text };
  }
}
