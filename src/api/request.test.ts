import { describe, expect, it } from 'vitest';
import type { Message } from '../domain/types';
import { chatCompletionsUrl, withoutCredentials } from './endpoint';
import { buildChatRequest, type ChatRequestInput } from './request';
import { SKIPPED_TOOL_RESULT } from '../domain/tools';
import { sequenceProblem } from '../../server/strict';

const msg = (role: Message['role'], content: string, extra: Partial<Message> = {}): Message => ({
  id: `m-${content}`,
  role,
  content,
  createdAt: 0,
  ...extra,
});

const input = (over: Partial<ChatRequestInput> = {}): ChatRequestInput => ({
  endpoint: 'https://chat-proxy.bitseek.ai/v1',
  apiKey: 'sk-test',
  keyOrigin: 'https://chat-proxy.bitseek.ai',
  model: '',
  temperature: 0.7,
  systemPrompt: 'Be brief.',
  conversationId: 'conv-123',
  history: [msg('user', 'hi')],
  ...over,
});

describe('chatCompletionsUrl', () => {
  it.each([
    ['https://chat-proxy.bitseek.ai/v1', 'https://chat-proxy.bitseek.ai/v1/chat/completions'],
    ['https://chat-proxy.bitseek.ai/v1/', 'https://chat-proxy.bitseek.ai/v1/chat/completions'],
    ['https://chat-proxy.bitseek.ai/v1/chat/completions', 'https://chat-proxy.bitseek.ai/v1/chat/completions'],
    [' /v1 ', 'http://localhost:5173/v1/chat/completions'],
  ])('%s → %s', (endpoint, url) => expect(chatCompletionsUrl(endpoint, 'http://localhost:5173')).toBe(url));

  it('refuses what is not http(s) or is empty', () => {
    expect(() => chatCompletionsUrl('javascript:alert(1)', 'http://x')).toThrow(/http/);
    expect(() => chatCompletionsUrl('  ', 'http://x')).toThrow(/empty/);
  });
});

describe('buildChatRequest', () => {
  it('sends the documented headers and body', () => {
    const r = buildChatRequest(input());
    expect(r.url).toBe('https://chat-proxy.bitseek.ai/v1/chat/completions');
    expect(r.headers).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: 'Bearer sk-test',
      'x-conversation-id': 'conv-123',
    });
    expect(r.body).toEqual({
      model: 'bitseek-auto',
      stream: true,
      temperature: 0.7,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('clamps the temperature and leaves out an empty system prompt', () => {
    const r = buildChatRequest(input({ temperature: 5, systemPrompt: '  ', model: 'other' }));
    expect(r.body.temperature).toBe(2);
    expect(r.body.model).toBe('other');
    expect(r.body.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('replays earlier turns as role/content strings, tool rounds in OpenAI form, and skips empty failed replies', () => {
    const history = [
      msg('user', 'a'),
      msg('assistant', 'b'),
      msg('user', 'c'),
      msg('assistant', '', { status: 'failed' }),
      msg('user', 'weather?'),
      msg('assistant', '', {
        toolCalls: [{ index: 0, id: 'call_1', type: 'function', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
      }),
      msg('tool', '{"temp":3}', { toolCallId: 'call_1' }),
    ];
    expect(buildChatRequest(input({ history, systemPrompt: '' })).body.messages).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
      },
      { role: 'tool', content: '{"temp":3}', tool_call_id: 'call_1' },
    ]);
  });

  it('sends tool rounds a strict server accepts, whatever the history holds', () => {
    const asks = (...ids: string[]) =>
      msg('assistant', '', { toolCalls: ids.map((id, index) => ({ index, id, type: 'function', name: 'f', arguments: '{}' })) });
    const history = [
      msg('user', 'q'),
      asks('a', 'b'),
      msg('tool', 'for b', { toolCallId: 'b' }),
      msg('tool', 'again for b', { toolCallId: 'b' }),
      msg('tool', 'for nobody', { toolCallId: 'zzz' }),
      msg('user', 'sent on, a unanswered'),
    ];
    const sent = buildChatRequest(input({ history, systemPrompt: '' })).body.messages;
    expect(sent.map((m) => [m.role, m.role === 'tool' ? `${m.tool_call_id}:${m.content}` : m.content])).toEqual([
      ['user', 'q'],
      ['assistant', ''],
      ['tool', 'b:for b'],
      ['tool', `a:${SKIPPED_TOOL_RESULT}`],
      ['user', 'sent on, a unanswered'],
    ]);
    expect(sequenceProblem(sent)).toBeUndefined();
  });

  it('sends no Authorization without a key, except the simulator key to the simulator', () => {
    expect(buildChatRequest(input({ apiKey: '' })).headers.authorization).toBeUndefined();
    expect(buildChatRequest(input({ apiKey: '', endpoint: '/v1' })).headers.authorization).toBe('Bearer local-simulator');
  });

  it('sends web search on as the quick switch and the whole object, off as the switch alone', () => {
    const on = { enabled: true, mode: 'force', maxResults: 8, freshness: 'day', lang: 'zh' } as const;
    const onBody = buildChatRequest(input({ webSearch: on })).body;
    expect(onBody.enableWebSearch).toBe(true);
    expect(onBody.webSearch).toEqual(on);
    const offBody = buildChatRequest(input({ webSearch: { ...on, enabled: false } })).body;
    expect(offBody.enableWebSearch).toBe(false);
    expect(offBody).not.toHaveProperty('webSearch');
  });
});

describe('withoutCredentials', () => {
  it('takes out every form of user name and password the URL parser reads, and leaves other URLs alone', () => {
    expect(withoutCredentials('https://alice:s3cret@h.example/v1')).toBe('https://h.example/v1');
    expect(withoutCredentials('//alice:s3cret@h.example/v1')).toBe('//h.example/v1');
    expect(withoutCredentials('https:\\\\alice:s3cret@h.example')).toBe('https:\\\\h.example');
    expect(withoutCredentials('ht\ttps://alice:s3cret@h.example/v1')).toBe('https://h.example/v1');
    expect(withoutCredentials('https://a:p@ss@h.example/v1?x=@y')).toBe('https://h.example/v1?x=@y');
    expect(withoutCredentials('//alice:s3cret@api.example.com:99999/v1')).not.toContain('s3cret');
    for (const plain of ['https://h.example/v1', '/v1', 'https://h.example/v1?to=a@b', '  /bitseek/v1 '])
      expect(withoutCredentials(plain)).toBe(plain);
  });

  it('never puts a password into the error for a URL it cannot read', () => {
    expect(() => chatCompletionsUrl('//alice:s3cret@api.example.com:99999/v1', 'http://x')).toThrow();
    try {
      chatCompletionsUrl('//alice:s3cret@api.example.com:99999/v1', 'http://x');
    } catch (error) {
      expect(String(error)).not.toContain('s3cret');
    }
  });
});
