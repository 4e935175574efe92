import { en, said, say, type Said } from '../i18n';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** An OpenAI tool definition, sent as written. */
export type ToolDefinition = {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
} & Record<string, unknown>;

/** A conversation's tools: the editor's text, and the names switched off without deleting them. */
export interface ToolsConfig {
  json: string;
  disabled: string[];
}

export const EMPTY_TOOLS: Readonly<ToolsConfig> = Object.freeze({ json: '', disabled: [] });

/** The result a tool call gets when the person sends a new message instead of answering it (the model reads it). */
export const SKIPPED_TOOL_RESULT = 'Not run: the user sent a new message instead of answering this tool call.';

export interface ToolProblem {
  /** In English; `said` renders it in any language. */
  message: string;
  said: Said;
  line?: number;
  column?: number;
}

export interface ParsedTools {
  tools: ToolDefinition[];
  problems: ToolProblem[];
}

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

function syntaxProblem(text: string, error: ParseError): ToolProblem {
  const { line, column } = lineAndColumn(text, error.offset);
  return { ...problem(said('jsonSyntax', line, column, printParseErrorCode(error.error))), line, column };
}

const problem = (s: Said): ToolProblem => ({ message: say(en, s), said: s });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one tool's shape; returns what is wrong with it, if anything. */
function shapeProblems(tool: unknown, n: number, seen: Map<string, number>): Said[] {
  if (!isObject(tool)) return [said('toolNotObject', n)];
  const out: Said[] = [];
  if (tool.type !== 'function') out.push(said('toolType', n));
  const fn = tool.function;
  if (!isObject(fn)) return [...out, said('toolFunction', n)];
  const name = fn.name;
  if (typeof name !== 'string' || !NAME.test(name)) {
    out.push(said('toolName', n, JSON.stringify(name) ?? ''));
  } else if (seen.has(name)) {
    out.push(said('toolDuplicate', n, name, seen.get(name)!));
  } else seen.set(name, n);
  if (fn.description !== undefined && typeof fn.description !== 'string') out.push(said('toolDescription', n));
  if (fn.parameters !== undefined && (!isObject(fn.parameters) || (fn.parameters.type !== undefined && fn.parameters.type !== 'object'))) {
    out.push(said('toolParameters', n));
  }
  return out;
}

/** Reads the Tools JSON editor: the tools, or every reason they cannot be sent. */
export function parseToolsJson(text: string): ParsedTools {
  if (!text.trim()) return { tools: [], problems: [] };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, STRICT);
  if (errors.length > 0) return { tools: [], problems: [syntaxProblem(text, errors[0]!)] };
  if (!Array.isArray(value)) return { tools: [], problems: [problem(said('toolsNotArray'))] };
  const seen = new Map<string, number>();
  const problems = value.flatMap((tool, i) => shapeProblems(tool, i + 1, seen)).map(problem);
  return problems.length ? { tools: [], problems } : { tools: value as ToolDefinition[], problems: [] };
}

/** The tools a request carries: valid ones that are not switched off. */
export function toolsToSend(config: ToolsConfig | undefined): { tools: ToolDefinition[]; problems: ToolProblem[] } {
  const parsed = parseToolsJson(config?.json ?? '');
  const off = new Set(config?.disabled ?? []);
  return { tools: parsed.tools.filter((t) => !off.has(t.function.name)), problems: parsed.problems };
}

export const TOOL_PRESETS: Record<'get_weather' | 'get_time' | 'search_docs', ToolDefinition> = {
  get_weather: {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string', description: 'City name, e.g. Singapore' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        },
        required: ['city'],
      },
    },
  },
  get_time: {
    type: 'function',
    function: {
      name: 'get_time',
      description: 'Current local time in a time zone or city',
      parameters: {
        type: 'object',
        properties: { timezone: { type: 'string', description: 'IANA zone or city, e.g. Asia/Shanghai' } },
        required: ['timezone'],
      },
    },
  },
  search_docs: {
    type: 'function',
    function: {
      name: 'search_docs',
      description: 'Search the product documentation',
      parameters: {
        type: 'object',
        properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 10 } },
        required: ['query'],
      },
    },
  },
};

/** Adds a preset to the editor's text: appended to a valid array, or a new array when empty. */
export function withPreset(text: string, preset: ToolDefinition): string | undefined {
  const parsed = text.trim() ? (parse(text, [], STRICT) as unknown) : [];
  if (!Array.isArray(parsed) || parseToolsJson(text).problems.some((p) => p.line !== undefined)) return undefined;
  const list = parsed as ToolDefinition[];
  if (list.some((t) => isObject(t) && isObject(t.function) && t.function.name === preset.function.name)) return text;
  return JSON.stringify([...list, preset], null, 2);
}
