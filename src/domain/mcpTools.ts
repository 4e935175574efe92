// MCP tools offered to the model: their names made valid and unique for OpenAI, and their
// results turned into what the model reads and what the card shows. Everything from a
// server is untrusted: it is text here, never markup.
import type { ToolDefinition } from './tools';

/** A tools/call result, as the MCP spec shapes it (only what is read here). */
export interface CallToolResult {
  content?: ({ type: string } & Record<string, unknown>)[];
  structuredContent?: unknown;
  isError?: boolean;
}

/** The longest result the model is sent; the whole of it stays downloadable. */
export const MAX_RESULT_CHARS = 1_000_000;

const VALID = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * A tool's name for OpenAI (`^[a-zA-Z0-9_-]{1,64}$`), unique among `taken`: the name as it
 * is when it fits, else cleaned, shortened and numbered.
 */
export function openAiName(tool: string, taken: ReadonlySet<string>): string {
  if (VALID.test(tool) && !taken.has(tool)) return tool;
  const base = (tool.replace(/[^a-zA-Z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'tool').slice(0, 56);
  for (let n = VALID.test(base) && !taken.has(base) ? 0 : 2; ; n++) {
    const name = n === 0 ? base : `${base}_${n}`;
    if (!taken.has(name)) return name;
  }
}

/** An MCP tool as an OpenAI function, under its name for OpenAI. */
export function asDefinition(name: string, tool: { description?: string; inputSchema: Record<string, unknown> }): ToolDefinition {
  return {
    type: 'function',
    function: { name, ...(tool.description && { description: tool.description.slice(0, 1024) }), parameters: tool.inputSchema },
  };
}

/** Images a result may show: raster formats only (never SVG, which can carry script). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export type ResultPart =
  | { kind: 'text'; text: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'image'; src: string }
  | { kind: 'link'; uri: string; name: string }
  | { kind: 'other'; type: string };

/** What a result holds, part by part, for its card. */
export function resultParts(result: CallToolResult): ResultPart[] {
  const parts: ResultPart[] = [];
  for (const c of result.content ?? []) {
    if (c.type === 'text' && typeof c.text === 'string') parts.push({ kind: 'text', text: c.text });
    else if (c.type === 'image' && typeof c.data === 'string' && IMAGE_TYPES.has(String(c.mimeType)) && /^[A-Za-z0-9+/=\s]*$/.test(c.data))
      parts.push({ kind: 'image', src: `data:${String(c.mimeType)};base64,${c.data.replace(/\s+/g, '')}` });
    else if (c.type === 'resource_link' && typeof c.uri === 'string')
      parts.push({ kind: 'link', uri: c.uri, name: String(c.name ?? c.uri) });
    else parts.push({ kind: 'other', type: String(c.type) });
  }
  if (result.structuredContent === undefined) return parts;
  // A server sends its structured result as text too (for older clients): shown once, as the tree.
  const json = JSON.stringify(result.structuredContent);
  const sameAsJson = (p: ResultPart) => {
    if (p.kind !== 'text') return false;
    try {
      return JSON.stringify(JSON.parse(p.text)) === json;
    } catch {
      return false;
    }
  };
  return [...parts.filter((p) => !sameAsJson(p)), { kind: 'json', value: result.structuredContent }];
}

/** A result as the text the model is sent: its text parts (or its structured content), marked when an error; cut at MAX_RESULT_CHARS. */
export function resultForModel(result: CallToolResult): string {
  const parts = resultParts(result);
  const texts = parts.flatMap((p) =>
    p.kind === 'text' ? [p.text] : p.kind === 'link' ? [`${p.name}: ${p.uri}`] : p.kind === 'image' ? ['[an image]'] : [],
  );
  let text = texts.length ? texts.join('\n') : JSON.stringify(result.structuredContent ?? null);
  if (result.isError) text = `Error: ${text}`;
  return text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}\n[truncated: ${text.length} characters in all]` : text;
}

/** What the model is told of a call the person declined. */
export const DECLINED_RESULT = 'The user declined to run this tool.';

/** `Name: value` lines as headers; a line that is not one is named in the error. */
export function parseHeaders(text: string): { headers: Record<string, string>; bad?: string } {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) return { headers, bad: line.trim() };
    headers[m[1]!] = m[2]!;
  }
  return { headers };
}
