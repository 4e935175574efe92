import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** An OpenAI tool definition, sent as written. */
export type ToolDefinition = { type: 'function'; function: { name: string; description?: string; parameters?: Record<string, unknown> } } & Record<
  string,
  unknown
>;

/** A conversation's tools: the editor's text, and the names switched off without deleting them. */
export interface ToolsConfig {
  json: string;
  disabled: string[];
}

export const EMPTY_TOOLS: Readonly<ToolsConfig> = Object.freeze({ json: '', disabled: [] });

export interface ToolProblem {
  message: string;
  line?: number;
  column?: number;
}

export interface ParsedTools {
  tools: ToolDefinition[];
  problems: ToolProblem[];
}

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected (a trailing comma?)',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing } expected',
  CloseBracketExpected: 'closing ] expected',
  EndOfFileExpected: 'end of input expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

function syntaxProblem(text: string, error: ParseError): ToolProblem {
  const { line, column } = lineAndColumn(text, error.offset);
  const code = printParseErrorCode(error.error);
  return { message: `Syntax error at line ${line}, column ${column}: ${ERROR_WORDS[code] ?? code}.`, line, column };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one tool's shape; returns what is wrong with it, if anything. */
function shapeProblems(tool: unknown, n: number, seen: Map<string, number>): string[] {
  if (!isObject(tool)) return [`Tool ${n}: must be an object.`];
  const out: string[] = [];
  if (tool.type !== 'function') out.push(`Tool ${n}: "type" must be "function".`);
  const fn = tool.function;
  if (!isObject(fn)) return [...out, `Tool ${n}: "function" must be an object with a name.`];
  const name = fn.name;
  if (typeof name !== 'string' || !NAME.test(name)) {
    out.push(`Tool ${n}: "function.name" must be 1–64 letters, digits, _ or - (got ${JSON.stringify(name) ?? 'nothing'}).`);
  } else if (seen.has(name)) {
    out.push(`Tool ${n}: the name "${name}" is already used by tool ${seen.get(name)}.`);
  } else seen.set(name, n);
  if (fn.description !== undefined && typeof fn.description !== 'string') out.push(`Tool ${n}: "function.description" must be a string.`);
  if (fn.parameters !== undefined && (!isObject(fn.parameters) || (fn.parameters.type !== undefined && fn.parameters.type !== 'object'))) {
    out.push(`Tool ${n}: "function.parameters" must be a JSON-schema object ({"type": "object", "properties": …}).`);
  }
  return out;
}

/** Reads the Tools JSON editor: the tools, or every reason they cannot be sent. */
export function parseToolsJson(text: string): ParsedTools {
  if (!text.trim()) return { tools: [], problems: [] };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, STRICT);
  if (errors.length > 0) return { tools: [], problems: [syntaxProblem(text, errors[0]!)] };
  if (!Array.isArray(value)) return { tools: [], problems: [{ message: 'Tools JSON must be an array of tools: [ {"type": "function", "function": {…}} ].' }] };
  const seen = new Map<string, number>();
  const problems = value.flatMap((tool, i) => shapeProblems(tool, i + 1, seen)).map((message) => ({ message }));
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
        properties: { city: { type: 'string', description: 'City name, e.g. Singapore' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
        required: ['city'],
      },
    },
  },
  get_time: {
    type: 'function',
    function: {
      name: 'get_time',
      description: 'Current local time in a time zone or city',
      parameters: { type: 'object', properties: { timezone: { type: 'string', description: 'IANA zone or city, e.g. Asia/Shanghai' } }, required: ['timezone'] },
    },
  },
  search_docs: {
    type: 'function',
    function: {
      name: 'search_docs',
      description: 'Search the product documentation',
      parameters: { type: 'object', properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 10 } }, required: ['query'] },
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
