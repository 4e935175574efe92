// The local Bitseek simulator: Bitseek's documented request rules and stream
// shape, per-conversation memory, and fault injection for tests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newStreamId } from '../src/domain/ids.ts';
import { SIMULATOR_IDENTITY } from '../src/domain/simulator.ts';
import { normalizeTemperature, normalizeWebSearch } from '../src/domain/normalize.ts';
import { parseSimOptions } from './options.ts';
import { HttpError, readBody, sendError, sendInjectedError, sendJson, validateMessages } from './http.ts';
import { pieces, planReply, toolCallDeltas, type Delta } from './replies.ts';
import { sequenceProblem } from './strict.ts';

export interface SimulatorConfig {
  /** Default ms between chunks when a request does not say (SIM_DELAY_MS, else 25). */
  delayMs?: number;
  /** Path prefix the simulator answers under. */
  basePath?: string;
  /** x-simulator options for a request that sends none (SIM_OPTIONS): npm run bench streams to the app this way. */
  options?: string;
  /** Reject what a strict OpenAI server rejects (SIM_STRICT=1): see strict.ts. */
  strict?: boolean;
  /** The largest request body it reads (SIM_MAX_BODY_MB; default 1 MiB): larger ones get a 413. */
  maxBodyBytes?: number;
}

const MAX_OPEN_MS = 120_000;
/** How long a stream asked to drop waits, once its last bytes are written, before it cuts the connection. */
const DROP_AFTER_MS = 500;
/** How much a stream without a delay writes at a time. */
const WRITE_BYTES = 16 * 1024;
const MEMORY_LIMIT = 1000;

/** What the server remembers per X-Conversation-Id: its first message and how many turns. */
interface Memory {
  firstMessage: string;
  turns: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createSimulator(config: SimulatorConfig = {}) {
  const basePath = config.basePath ?? '/v1';
  const memory = new Map<string, Memory>();

  function remember(id: string, firstMessage: string): Memory | undefined {
    const before = memory.get(id);
    const next = { firstMessage: before?.firstMessage ?? firstMessage, turns: (before?.turns ?? 0) + 1 };
    memory.delete(id); // re-insert: the Map's order is least recently used first
    memory.set(id, next);
    if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value as string);
    return before;
  }

  async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const o = parseSimOptions((req.headers['x-simulator'] as string | undefined) ?? config.options);
    if (o.firstByteMs) await sleep(o.firstByteMs);
    if (o.status && o.status >= 400) return sendInjectedError(res, { ...o, status: o.status });
    if (o.redirectTo) return void res.writeHead(307, { location: o.redirectTo }).end();
    const auth = req.headers.authorization ?? '';
    if (!/^Bearer\s+\S+/i.test(auth)) throw new HttpError(401, 'Missing bearer token: send Authorization: Bearer <API key>.');
    const raw = await readBody(req, config.maxBodyBytes);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'The request body must be a JSON object.');
    }
    const messages = validateMessages(body.messages);
    const problem = config.strict ? sequenceProblem(body.messages as Record<string, unknown>[]) : undefined;
    if (problem) throw new HttpError(400, problem.message, undefined, problem.param);
    const webSearch = normalizeWebSearch(body.webSearch, body.enableWebSearch);
    const temperature = normalizeTemperature(body.temperature);
    const tools = Array.isArray(body.tools) ? body.tools : [];
    const conversationId = (req.headers['x-conversation-id'] as string | undefined)?.trim() || undefined;
    const firstUser = messages.find((m) => m.role === 'user')?.content ?? '';
    const before = conversationId ? remember(conversationId, firstUser) : undefined;
    const plan = planReply({
      messages,
      tools,
      webSearch,
      temperature,
      ...(conversationId ? { conversationId } : {}),
      ...(before ? { rememberedFirstMessage: before.firstMessage } : {}),
      rememberedTurns: before?.turns ?? 0,
    });

    const id = newStreamId();
    const created = Math.floor(Date.now() / 1000);
    const finishReason = plan.toolCalls.length > 0 ? 'tool_calls' : 'stop';
    const model = o.openaiExtras ? 'bitseek-simulator' : '';
    const object = o.openaiExtras ? 'chat.completion.chunk' : 'chat.completion';

    if (o.json || body.stream === false) {
      const message: Delta = { role: 'assistant', content: plan.text || null };
      if (plan.toolCalls.length)
        message.tool_calls = plan.toolCalls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: c.arguments },
        }));
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, finish_reason: finishReason }],
      });
    }

    const eol = o.crlf ? '\r\n' : '\n';
    const delay = o.delayMs ?? config.delayMs ?? 25;
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    // Without a delay every event is ready at once, and they go out as a server with a
    // backlog sends them: in writes of about WRITE_BYTES, not one small write (and
    // packet, and HTTP chunk) per event. The bytes are the same.
    let pending = '';
    const flush = () => {
      if (pending && !closed) res.write(pending);
      pending = '';
    };
    const write = (text: string) => {
      pending += text;
      if (delay > 0 || pending.length >= WRITE_BYTES) flush();
    };
    const event = (delta: Delta, finish: string | null = null) =>
      write(
        `${o.heartbeat ? `: keep-alive${eol}${eol}` : ''}data: ${JSON.stringify({ id, object, created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}${eol}${eol}`,
      );

    const deltas: Delta[] = [];
    if (o.openaiExtras) deltas.push({ role: 'assistant' });
    if (o.reasoning) deltas.push(...pieces(plan.reasoning, o.chunkChars).map((r) => ({ reasoning_content: r })));
    deltas.push(...pieces(plan.text, o.chunkChars).map((t) => ({ content: t })));
    deltas.push(...toolCallDeltas(plan.toolCalls));

    if (o.unknownEvent)
      write(`event: ping${eol}data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'IGNORE-ME' } }] })}${eol}${eol}`);
    let sent = 0;
    for (const delta of deltas) {
      if (closed) return;
      if (sent === o.dropAfter) {
        flush();
        // Let what was written reach the client's reader first, then cut the connection:
        // Chromium throws away bytes a page has received but not read yet when the
        // connection fails, and on a busy machine a reader can come to them late.
        await new Promise<void>((resolve) => res.write(`: dropping${eol}${eol}`, () => resolve()));
        await sleep(DROP_AFTER_MS);
        return void res.socket?.destroy();
      }
      if (sent === o.closeAfter) return void (flush(), res.end());
      if (sent === o.errorAfter) {
        write(`data: ${JSON.stringify({ error: { message: 'Simulated upstream failure', code: 5001 } })}${eol}${eol}`);
        return void (flush(), res.end());
      }
      if (sent === o.malformedAfter) write(`data: {"choices": [oops${eol}${eol}`);
      event(delta);
      sent += 1;
      if (delay > 0) await sleep(delay);
    }
    event({}, finishReason);
    if (o.openaiExtras) {
      const completion = deltas.length;
      write(
        `data: ${JSON.stringify({ id, object, created, model, choices: [], usage: { prompt_tokens: raw.length >> 2, completion_tokens: completion, total_tokens: (raw.length >> 2) + completion } })}${eol}${eol}`,
      );
    }
    if (o.done) write(`data: [DONE]${eol}${eol}`);
    flush();
    if (o.hangAfterFinish) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, MAX_OPEN_MS);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (!closed) res.end();
  }

  function models(req: IncomingMessage, res: ServerResponse): void {
    if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? ''))
      throw new HttpError(401, 'Missing bearer token: send Authorization: Bearer <API key>.');
    sendJson(res, 200, { object: 'list', data: [{ id: 'bitseek-auto', object: 'model', owned_by: 'bitseek-simulator' }] });
  }

  /** Says what it is, without a key: the app shows its simulator note only when this answers. */
  function identify(res: ServerResponse): void {
    sendJson(res, 200, SIMULATOR_IDENTITY, { 'cache-control': 'no-store' });
  }

  /** Connect-style middleware: answers under basePath, passes everything else on. */
  return function simulator(req: IncomingMessage, res: ServerResponse, next?: () => void): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const routes: Record<string, 'chat' | 'models' | 'simulator'> = {
      [`${basePath}/chat/completions`]: 'chat',
      [`${basePath}/models`]: 'models',
      [`${basePath}/simulator`]: 'simulator',
    };
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route) {
      if (next) return next();
      return sendError(
        res,
        404,
        `No route ${path}: the simulator answers POST ${basePath}/chat/completions GET ${basePath}/models and GET ${basePath}/simulator.`,
      );
    }
    const expected = route === 'chat' ? 'POST' : 'GET';
    if (req.method !== expected) {
      res.setHeader('allow', expected);
      return sendError(res, 405, `Use ${expected} ${path}.`);
    }
    const handle = async () => (route === 'chat' ? chat(req, res) : route === 'models' ? models(req, res) : identify(res));
    handle().catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof HttpError) return sendError(res, error.status, error.message, error.code, error.param);
      sendError(res, 500, `Simulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
}
