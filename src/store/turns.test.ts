import { activePath, choose, versionsOf } from '../domain/tree';
import { describe, expect, it, vi } from 'vitest';
import type { ChatRequest } from '../api/request';
import type { StreamEvent, StreamOptions, StreamOutcome } from '../api/stream';
import { ChatError } from '../api/errors';
import type { Conversation, Message } from '../domain/types';
import { en, said } from '../i18n';
import type { PacerClock } from './pacer';
import { DEFAULT_SETTINGS } from './settingsStore';
import { createTurnEngine, type TurnHost } from './turns';

/** Plays a reply: its events, then its outcome; or, with `hold`, waits until the turn is stopped. */
type Script = { events?: StreamEvent[]; outcome?: StreamOutcome; hold?: boolean };

const immediate: PacerClock = {
  now: () => performance.now(),
  nextFrame: (fn) => setTimeout(fn, 0),
  after: (_ms, fn) => setTimeout(fn, 0),
  afterWork: (fn) => queueMicrotask(fn),
};

function setup(
  messages: Message[] = [],
  scripts: Script[] = [
    {
      events: [
        { type: 'text', text: 'Hello' },
        { type: 'finish', reason: 'stop' },
      ],
    },
  ],
) {
  const conversations = new Map<string, Conversation>([
    ['c1', { id: 'c1', title: en.chat.untitled, createdAt: 0, updatedAt: 0, messages }],
  ]);
  const streaming = new Set<string>();
  const saved: string[] = [];
  const requests: ChatRequest[] = [];
  const host: TurnHost = {
    conversation: (id) => conversations.get(id),
    update: (id, fn) => conversations.set(id, fn(conversations.get(id)!)),
    isStreaming: (id) => streaming.has(id),
    setStreaming: (id, on) => void (on ? streaming.add(id) : streaming.delete(id)),
    changed: (id) => void saved.push(id),
  };
  const stream = async (request: ChatRequest, options: StreamOptions): Promise<StreamOutcome> => {
    requests.push(request);
    const script = scripts[requests.length - 1] ?? scripts.at(-1)!;
    for (const event of script.events ?? []) options.onEvent(event, 1);
    if (script.hold) await new Promise((resolve) => options.signal!.addEventListener('abort', resolve));
    if (options.signal?.aborted) return { status: 'cancelled' };
    return script.outcome ?? { status: 'complete' };
  };
  const turns = createTurnEngine({
    host,
    settings: () => ({ ...DEFAULT_SETTINGS, endpoint: 'http://sim.test/v1' }),
    stream,
    clock: immediate,
  });
  const messagesNow = () => conversations.get('c1')!.messages;
  const pathNow = () => activePath(conversations.get('c1')!);
  const settled = () => vi.waitFor(() => expect(streaming.has('c1')).toBe(false));
  return { turns, host, requests, saved, messagesNow, pathNow, settled, conversations, streaming };
}

const sentRoles = (r: ChatRequest) => r.body.messages.map((m) => `${m.role}:${m.content ?? ''}`);

describe('the turn engine', () => {
  it('sends a message, streams the reply into a new assistant message and names the chat', async () => {
    const t = setup();
    expect(t.turns.send('c1', '  What is SSE?  ')).toBe(true);
    expect(t.streaming.has('c1')).toBe(true);
    await t.settled();
    const [user, reply] = t.messagesNow();
    expect(user).toMatchObject({ role: 'user', content: 'What is SSE?' });
    expect(reply).toMatchObject({ role: 'assistant', content: 'Hello', status: 'complete' });
    expect(t.conversations.get('c1')!.title).toBe('What is SSE?');
    expect(t.requests).toHaveLength(1);
    expect(sentRoles(t.requests[0]!)).toEqual(['user:What is SSE?']);
  });

  it('sends nothing for a blank message, nor while a reply streams', async () => {
    const t = setup([], [{ hold: true }]);
    expect(t.turns.send('c1', '   ')).toBe(false);
    expect(t.turns.send('c1', 'one')).toBe(true);
    expect(t.turns.send('c1', 'two')).toBe(false);
    t.turns.stop('c1');
    await t.settled();
    expect(t.requests).toHaveLength(1);
  });

  it('stopped mid-stream: keeps what arrived, marked stopped', async () => {
    const t = setup([], [{ events: [{ type: 'text', text: 'Partial ans' }], hold: true }]);
    t.turns.send('c1', 'Tell me');
    await vi.waitFor(() => expect(t.messagesNow()[1]?.content).toBe('Partial ans'));
    t.turns.stop('c1');
    await t.settled();
    expect(t.messagesNow()[1]).toMatchObject({ content: 'Partial ans', status: 'stopped' });
  });

  it('a failure keeps the partial text and says what failed', async () => {
    const error = new ChatError('interrupted', said('interrupted'));
    const t = setup([], [{ events: [{ type: 'text', text: 'Half a' }], outcome: { status: 'failed', error } }]);
    t.turns.send('c1', 'Tell me');
    await t.settled();
    const reply = t.messagesNow()[1]!;
    expect(reply).toMatchObject({ content: 'Half a', status: 'failed' });
    expect(reply.problem?.kind).toBe('interrupted');
  });

  it('retry sends one request with the history before the reply, and adds a version of the reply', async () => {
    const t = setup([], [{ events: [{ type: 'text', text: 'First' }] }, { events: [{ type: 'text', text: 'Second' }] }]);
    t.turns.send('c1', 'Q');
    await t.settled();
    const first = t.messagesNow()[1]!;
    t.turns.retry('c1', first.id);
    await t.settled();
    expect(t.requests).toHaveLength(2);
    expect(sentRoles(t.requests[1]!)).toEqual(['user:Q']);
    expect(t.pathNow().map((m) => m.content)).toEqual(['Q', 'Second']);
    // The first reply is kept, as the other version.
    const c = t.conversations.get('c1')!;
    expect(versionsOf(c, t.pathNow()[1]!).map((m) => m.content)).toEqual(['First', 'Second']);
    expect(c.removedMessageIds).toBeUndefined();
  });

  it('edit adds a version of the user message, with its own reply, and asks with that path only', async () => {
    const t = setup(
      [],
      ['A1', 'A2', 'A3', 'A4'].map((text) => ({ events: [{ type: 'text', text }] })),
    );
    t.turns.send('c1', 'Q1');
    await t.settled();
    t.turns.send('c1', 'Q2');
    await t.settled();
    const q2 = t.messagesNow()[2]!;
    t.turns.edit('c1', q2.id, 'Q2, edited');
    await t.settled();
    expect(t.pathNow().map((m) => m.content)).toEqual(['Q1', 'A1', 'Q2, edited', 'A3']);
    expect(t.pathNow()[2]!.id).not.toBe(q2.id);
    expect(sentRoles(t.requests[2]!)).toEqual(['user:Q1', 'assistant:A1', 'user:Q2, edited']);
    expect(versionsOf(t.conversations.get('c1')!, q2).map((m) => m.content)).toEqual(['Q2', 'Q2, edited']);
    // Sent from the older version again: only its path goes.
    t.conversations.set('c1', choose(t.conversations.get('c1')!, q2.id));
    expect(t.pathNow().map((m) => m.content)).toEqual(['Q1', 'A1', 'Q2', 'A2']);
    t.turns.send('c1', 'Q3');
    await t.settled();
    expect(sentRoles(t.requests[3]!)).toEqual(['user:Q1', 'assistant:A1', 'user:Q2', 'assistant:A2', 'user:Q3']);
  });

  it('tool rounds: answers go as tool messages after the call, and an unanswered call is sent as skipped', async () => {
    const call: StreamEvent = {
      type: 'toolCallDelta',
      index: 0,
      id: 'call_1',
      callType: 'function',
      name: 'weather',
      arguments: '{"city":"Oslo"}',
    };
    const t = setup(
      [],
      [
        { events: [call, { type: 'finish', reason: 'tool_calls' }] },
        { events: [{ type: 'text', text: 'It is cold.' }] },
        { events: [call] },
        { events: [{ type: 'text', text: 'ok' }] },
      ],
    );
    t.turns.send('c1', 'Weather?');
    await t.settled();
    const asked = t.messagesNow()[1]!;
    expect(asked.toolCalls?.[0]).toMatchObject({ id: 'call_1', name: 'weather' });
    t.turns.answerTools('c1', asked.id, new Map([['call_1', '-3 °C']]));
    await t.settled();
    expect(t.requests[1]!.body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
      },
      { role: 'tool', content: '-3 °C', tool_call_id: 'call_1' },
    ]);
    expect(t.messagesNow().at(-1)).toMatchObject({ content: 'It is cold.', status: 'complete' });

    // The next reply asks again; the person sends on instead of answering.
    t.turns.send('c1', 'Again?');
    await t.settled();
    t.turns.send('c1', 'Never mind');
    await t.settled();
    const sent = t.requests[3]!.body.messages;
    expect(sent.at(-2)).toMatchObject({ role: 'tool', tool_call_id: 'call_1' });
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'Never mind' });
  });

  it('a tool round stays in its branch: a new version of the asking reply goes without the old answer', async () => {
    const call: StreamEvent = { type: 'toolCallDelta', index: 0, id: 'call_1', callType: 'function', name: 'weather', arguments: '{}' };
    const t = setup(
      [],
      [
        { events: [call, { type: 'finish', reason: 'tool_calls' }] },
        { events: [{ type: 'text', text: 'It is cold.' }] },
        { events: [{ type: 'text', text: 'No tools this time.' }] },
        { events: [{ type: 'text', text: 'ok' }] },
      ],
    );
    t.turns.send('c1', 'Weather?');
    await t.settled();
    const asked = t.pathNow()[1]!;
    t.turns.answerTools('c1', asked.id, new Map([['call_1', '-3 °C']]));
    await t.settled();
    t.turns.retry('c1', asked.id);
    await t.settled();
    expect(t.pathNow().map((m) => m.content)).toEqual(['Weather?', 'No tools this time.']);
    t.turns.send('c1', 'Thanks');
    await t.settled();
    expect(sentRoles(t.requests[3]!)).toEqual(['user:Weather?', 'assistant:No tools this time.', 'user:Thanks']);
    // The old branch keeps its round, paired.
    const old = activePath(choose(t.conversations.get('c1')!, asked.id));
    expect(old.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('tool results that arrive after the person sent on are not sent', async () => {
    const call: StreamEvent = { type: 'toolCallDelta', index: 0, id: 'call_1', callType: 'function', name: 'weather', arguments: '{}' };
    const t = setup([], [{ events: [call, { type: 'finish', reason: 'tool_calls' }] }, { events: [{ type: 'text', text: 'ok' }] }]);
    t.turns.send('c1', 'Weather?');
    await t.settled();
    const asked = t.pathNow()[1]!;
    t.turns.send('c1', 'Never mind');
    await t.settled();
    t.turns.answerTools('c1', asked.id, new Map([['call_1', 'late']]));
    await t.settled();
    expect(t.requests).toHaveLength(2);
    expect(
      t
        .pathNow()
        .map((m) => m.content)
        .at(-2),
    ).toBe('Never mind');
  });

  it('refuses to send under an imported id nobody confirmed, without a request', async () => {
    const t = setup();
    t.conversations.set('c1', { ...t.conversations.get('c1')!, idFromImport: true });
    t.turns.send('c1', 'Hi');
    await t.settled();
    expect(t.requests).toHaveLength(0);
    expect(t.messagesNow()[1]).toMatchObject({ status: 'failed', problem: { kind: 'config' } });
  });
});
