import { parse } from 'jsonc-parser';

export type ArgumentsView =
  | { status: 'streaming'; value: unknown }
  | { status: 'complete'; value: unknown }
  | { status: 'invalid'; raw: string };

/**
 * Tool-call arguments as far as they have arrived: mid-stream, a tolerant parse
 * of the incomplete text (`{"city": "Sing` → {city: "Sing"}); at the end, strict JSON.
 */
export function readArguments(text: string, streaming: boolean): ArgumentsView {
  if (streaming) return { status: 'streaming', value: text.trim() ? parse(text, [], { allowTrailingComma: true }) : undefined };
  if (!text.trim()) return { status: 'complete', value: {} };
  try {
    return { status: 'complete', value: JSON.parse(text) as unknown };
  } catch {
    return { status: 'invalid', raw: text };
  }
}
