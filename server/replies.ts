// What the simulator answers: deterministic, markdown worth rendering, and
// honest that it is a simulation.
import type { WebSearchOptions } from '../src/domain/normalize.ts';
import { benchReply } from './benchReply.ts';

export interface InMessage {
  role: string;
  content: string | null;
  tool_call_id?: string;
  name?: string;
}

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface ReplyPlan {
  reasoning: string;
  text: string;
  toolCalls: PlannedToolCall[];
}

export interface ReplyContext {
  messages: InMessage[];
  tools: unknown[];
  webSearch: WebSearchOptions;
  temperature: number;
  conversationId?: string;
  /** The first user message this conversation id ever sent, from the server's memory. */
  rememberedFirstMessage?: string;
  /** Turns the server has seen under this id before this request. */
  rememberedTurns: number;
}

interface ToolSpec {
  name: string;
  description: string;
  properties: Record<string, { type?: string }>;
}

function toolSpecs(tools: unknown[]): ToolSpec[] {
  const specs: ToolSpec[] = [];
  for (const t of tools) {
    const fn = (t as { function?: { name?: unknown; description?: unknown; parameters?: { properties?: unknown } } })?.function;
    if (!fn || typeof fn.name !== 'string') continue;
    const props = fn.parameters?.properties;
    specs.push({
      name: fn.name,
      description: typeof fn.description === 'string' ? fn.description : '',
      properties: typeof props === 'object' && props !== null ? (props as ToolSpec['properties']) : {},
    });
  }
  return specs;
}

/** "weather in Singapore", "time in New York" → the place. */
function placeIn(text: string): string | undefined {
  return /\b(?:in|for|at)\s+([A-Z][\p{L}'-]*(?:\s+[A-Z][\p{L}'-]*)*)/u.exec(text)?.[1];
}

function argumentFor(property: string, type: string | undefined, text: string): unknown {
  const p = property.toLowerCase();
  const place = placeIn(text);
  if (/city|location|place|where/.test(p)) return place ?? 'Singapore';
  if (/tz|timezone|zone/.test(p)) return place ?? 'UTC';
  if (/unit/.test(p)) return 'celsius';
  if (type === 'number' || type === 'integer') return 3;
  if (type === 'boolean') return true;
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Which tools the message asks for: by name, by a word of the name, or "use a tool". */
function toolsAskedFor(text: string, specs: ToolSpec[]): ToolSpec[] {
  const lower = text.toLowerCase();
  const byName = specs.filter((s) => {
    const words = s.name
      .toLowerCase()
      .split(/[_-]+/)
      .filter((w) => w.length > 3 && !['get', 'search', 'lookup', 'find'].includes(w));
    return lower.includes(s.name.toLowerCase()) || words.some((w) => lower.includes(w));
  });
  if (byName.length > 0) return byName;
  if (/\b(use|call) (a|the|your|any) tools?\b/.test(lower) && specs[0]) return [specs[0]];
  return [];
}

let callCounter = 0;

function planToolCalls(text: string, tools: unknown[]): PlannedToolCall[] {
  return toolsAskedFor(text, toolSpecs(tools)).map((spec) => {
    const args: Record<string, unknown> = {};
    for (const [prop, schema] of Object.entries(spec.properties)) args[prop] = argumentFor(prop, schema?.type, text);
    callCounter += 1;
    return { id: `call_sim_${callCounter.toString(36)}_${Date.now().toString(36)}`, name: spec.name, arguments: JSON.stringify(args) };
  });
}

const SEARCHY = /\?|\b(latest|news|today|current|recent|price|who is|what is|when)\b|最新|新闻|今天/i;

function freshnessWords(f: WebSearchOptions['freshness'], zh: boolean): string {
  const en = { day: 'the past day', week: 'the past week', month: 'the past month', any: 'any time' } as const;
  const cn = { day: '过去一天', week: '过去一周', month: '过去一个月', any: '不限时间' } as const;
  return zh ? cn[f] : en[f];
}

function searchReply(question: string, ws: WebSearchOptions): string {
  const zh = ws.lang === 'zh' || (ws.lang === 'auto' && /[\u4e00-\u9fff]/.test(question));
  const topic = question.replace(/\s+/g, ' ').trim().slice(0, 60) || 'your question';
  const slug = encodeURIComponent(
    topic
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'query',
  );
  const sources = Array.from({ length: ws.maxResults }, (_, i) => {
    const n = i + 1;
    const title = zh ? `模拟搜索结果 ${n}：${topic}` : `Simulated result ${n}: ${topic}`;
    return `${n}. [${title}](https://search.example.com/${ws.lang}/${ws.freshness}/${slug}/${n})`;
  });
  const head = zh
    ? `## 网络搜索（模拟）\n\n本地模拟器为「${topic}」模拟了 ${ws.maxResults} 条来自${freshnessWords(ws.freshness, zh)}的结果（模式：${ws.mode}，语言：${ws.lang}）。这些结果不是真实网页。[1]`
    : `## Web search (simulated)\n\nThe local simulator made up ${ws.maxResults} results from ${freshnessWords(ws.freshness, zh)} for “${topic}” (mode: ${ws.mode}, language: ${ws.lang}). They are not real pages. [1]`;
  return `${head}\n\n${zh ? '### 来源' : '### Sources'}\n\n${sources.join('\n')}\n`;
}

function toolResultsReply(messages: InMessage[]): string {
  const results: InMessage[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) results.unshift(messages[i]!);
  const parts = results.map((m) => {
    const content = m.content ?? '';
    let pretty = content;
    try {
      pretty = JSON.stringify(JSON.parse(content), null, 2);
    } catch {
      // plain text result
    }
    return `- \`${m.tool_call_id ?? 'unknown call'}\` returned:\n\n  \`\`\`\n${pretty
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\n  \`\`\``;
  });
  return `## Tool results received\n\nI got ${results.length} tool result${results.length === 1 ? '' : 's'}:\n\n${parts.join('\n')}\n\nBased on ${results.length === 1 ? 'that result' : 'those results'}, here is my answer: ${results.map((m) => (m.content ?? '').slice(0, 120)).join('; ')}.\n`;
}

function defaultReply(question: string, ctx: ReplyContext): string {
  const topic = question.replace(/\s+/g, ' ').trim();
  const turn = ctx.rememberedTurns + 1;
  return [
    `## Reply from the local simulator`,
    ``,
    `You said: *${topic.slice(0, 200).replace(/[*_`[\]<>]/g, '')}*. This answer comes from the **local Bitseek simulator**, which speaks Bitseek's streaming protocol so the app works offline. Open **Settings** to chat with Bitseek itself.`,
    ``,
    `- Conversation: \`${ctx.conversationId ?? 'none sent'}\`, turn ${turn}`,
    `- Temperature: ${ctx.temperature}`,
    `- Web search: ${ctx.webSearch.enabled ? `on (${ctx.webSearch.mode})` : 'off'}`,
    ``,
    `| Field | Rule on the server |`,
    `| --- | --- |`,
    `| temperature | clamped to 0–2 |`,
    `| webSearch.maxResults | 1–8, default 5 |`,
    ``,
    '```ts',
    `const reply = await streamChat(request, { signal });`,
    '```',
    ``,
  ].join('\n');
}

function longReply(): string {
  const sections: string[] = [];
  for (let i = 1; i <= 12; i++) {
    sections.push(
      `### Section ${i}\n\nThis is paragraph ${i} of a long simulated reply, written so that scrolling, rendering and streaming can be watched at length. It carries **bold**, *italic* and \`code\` text.\n\n- point ${i}.a\n- point ${i}.b\n`,
    );
  }
  return `## A long reply\n\n${sections.join('\n')}`;
}

/** Decides what to answer: tool results, memory, a tool call, a search, an echo, or the default. */
export function planReply(ctx: ReplyContext): ReplyPlan {
  const last = ctx.messages[ctx.messages.length - 1];
  const lastUser = [...ctx.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const reasoning = `The person asked: "${lastUser.slice(0, 80)}". I will answer from the simulator's script.`;
  const plan = (text: string, toolCalls: PlannedToolCall[] = []): ReplyPlan => ({ reasoning, text, toolCalls });

  if (last?.role === 'tool') return plan(toolResultsReply(ctx.messages));
  const echo = /^echo:\s?([\s\S]*)$/i.exec(lastUser);
  if (echo) return plan(echo[1] ?? '');
  if (/\bfirst message\b/i.test(lastUser)) {
    const first = ctx.rememberedFirstMessage ?? ctx.messages.find((m) => m.role === 'user')?.content ?? '';
    return plan(`Your first message in this conversation was: “${first}”`);
  }
  const calls = ctx.tools.length > 0 ? planToolCalls(lastUser, ctx.tools) : [];
  if (calls.length > 0) return plan('', calls);
  if (ctx.webSearch.enabled && (ctx.webSearch.mode === 'force' || SEARCHY.test(lastUser))) {
    return plan(searchReply(lastUser, ctx.webSearch));
  }
  if (/^benchmark reply\b/i.test(lastUser)) return plan(benchReply());
  if (/\blong\b/i.test(lastUser)) return plan(longReply());
  return plan(defaultReply(lastUser, ctx));
}

/** Text deltas: a word (with its trailing space) each, or fixed-size pieces. */
export function pieces(text: string, chunkChars?: number): string[] {
  if (!text) return [];
  if (chunkChars && chunkChars > 0) {
    const chars = Array.from(text);
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += chunkChars) out.push(chars.slice(i, i + chunkChars).join(''));
    return out;
  }
  return text.match(/\s*\S+\s*/g) ?? [text];
}

export type Delta = Record<string, unknown>;

/** Tool calls as OpenAI streams them: id, type and name first, then arguments in pieces, interleaved. */
export function toolCallDeltas(calls: PlannedToolCall[]): Delta[] {
  const out: Delta[] = calls.map((c, index) => ({
    tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }],
  }));
  const argPieces = calls.map((c) => pieces(c.arguments, 6));
  const longest = Math.max(0, ...argPieces.map((p) => p.length));
  for (let i = 0; i < longest; i++) {
    argPieces.forEach((p, index) => {
      if (p[i] !== undefined) out.push({ tool_calls: [{ index, function: { arguments: p[i] } }] });
    });
  }
  return out;
}
