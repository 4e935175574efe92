import { describe, expect, it } from 'vitest';
import { readImport } from './importRead';
import { exportFile, planImport, toMarkdown } from './transfer';
import { activePath, asTree, versionsOf } from './tree';
import type { Conversation, Message } from './types';

const msg = (id: string, createdAt: number, extra: Partial<Message> = {}): Message => ({
  id,
  role: 'user',
  content: id,
  createdAt,
  ...extra,
});
const conv = (id: string, messages: Message[], extra: Partial<Conversation> = {}): Conversation => ({
  id,
  title: id,
  createdAt: 1,
  updatedAt: 2,
  messages,
  ...extra,
});

describe('readImport', () => {
  it('reads an export file, a bare array and a single conversation', () => {
    const c = conv('conv-a', [msg('m1', 1)]);
    expect(readImport(JSON.stringify(exportFile([c]))).conversations).toEqual([c]);
    expect(readImport(JSON.stringify([c])).conversations).toEqual([c]);
    expect(readImport(JSON.stringify(c)).conversations).toEqual([c]);
  });

  it('counts invalid entries and refuses what it cannot read', () => {
    expect(readImport(JSON.stringify([conv('conv-a', []), { id: 5 }])).invalid).toBe(1);
    // where each of the first few went wrong, by place in the file
    const read = readImport(
      JSON.stringify([
        conv('conv-a', []),
        { ...conv('conv-b', [msg('m1', 1)]), messages: [{ id: 'm1', role: 'robot', content: 'x', createdAt: 1 }] },
      ]),
    );
    expect(read.problems).toEqual([expect.stringMatching(/^\[1\]\.messages\[0\]\.role: /)]);
    expect(() => readImport('{"conversations": [1,]}')).toThrow(/not valid JSON \(.+\)/);
    // a time no Date can hold could not be shown
    expect(readImport(JSON.stringify([conv('conv-a', [msg('m1', 1e300)])])).invalid).toBe(1);
    expect(() => readImport('{x')).toThrow('not valid JSON');
    expect(() => readImport(JSON.stringify({ format: 'other', conversations: [] }))).toThrow('Unknown export format');
    expect(() => readImport(JSON.stringify({ format: 'bitseek-chat.conversations', version: 9, conversations: [] }))).toThrow(
      'newer version',
    );
  });
});

describe('trees in export files', () => {
  // q → a1 | a2 (regenerated; a1 shown)
  const tree = conv(
    'conv-t',
    [msg('q', 1), msg('a1', 2, { role: 'assistant', parentId: 'q' }), msg('a2', 3, { role: 'assistant', parentId: 'q' })],
    {
      activeChildren: ['a1'],
    },
  );

  it('go out whole and come back whole; Markdown has the versions shown', () => {
    const file = JSON.parse(JSON.stringify(exportFile([tree])));
    expect(file.version).toBe(2);
    const [back] = readImport(JSON.stringify(file)).conversations;
    expect(back).toEqual(tree);
    expect(versionsOf(back!, back!.messages[1]!).map((m) => m.id)).toEqual(['a1', 'a2']);
    expect(toMarkdown(tree)).toContain('a1');
    expect(toMarkdown(tree)).not.toContain('a2');
  });

  it('a choice listed twice is one choice', () => {
    const [c] = readImport(JSON.stringify(exportFile([{ ...tree, activeChildren: ['a1', 'a1'] }]))).conversations;
    expect(activePath(c!).map((m) => m.id)).toEqual(['q', 'a1']);
  });

  it('a list from version 1 comes in as one branch, nothing lost', () => {
    const old = {
      format: 'bitseek-chat.conversations',
      version: 1,
      conversations: [conv('conv-l', [msg('q', 1), msg('a', 2), msg('q2', 3)])],
    };
    const [c] = readImport(JSON.stringify(old)).conversations;
    expect(activePath(c!).map((m) => m.id)).toEqual(['q', 'a', 'q2']);
    expect(c!.messages.map((m) => m.parentId)).toEqual([undefined, 'q', 'a']);
  });

  it('a broken tree is skipped, saying what and where', () => {
    const file = (c: Conversation) => JSON.stringify({ ...exportFile([conv('conv-ok', [msg('m', 1)]), c]) });
    const cases: [Conversation, RegExp][] = [
      [
        { ...tree, messages: [...tree.messages, msg('x', 4, { parentId: 'gone' })] },
        /^\[1\] “conv-t”: message x names a parent that is not there: gone$/,
      ],
      [
        { ...tree, messages: [msg('c1', 1, { parentId: 'c2' }), msg('c2', 2, { parentId: 'c1' })] },
        /^\[1\] “conv-t”: message c1 is on a cycle of parents$/,
      ],
      [{ ...tree, messages: [msg('s', 1, { parentId: 's' })] }, /message s is its own parent/],
      [{ ...tree, activeChildren: ['q', 'nope'] }, /the active child nope is not a message of this conversation/],
      [{ ...tree, activeChildren: ['a1', 'a2'] }, /two active children at one fork: a1 and a2/],
      [{ ...tree, messages: [...tree.messages, msg('q', 5)] }, /message q appears twice/],
      [
        { ...tree, messages: [...tree.messages, msg('z', 5, { role: 'assistant' })] },
        /message z \(assistant\) has no parent: a second root/,
      ],
      [{ ...tree, messages: [msg('l1', 1), msg('l2', 2)], activeChildren: [] }, /no message names its parent: a list, not a tree/],
    ];
    for (const [broken, problem] of cases) {
      const read = readImport(file(broken));
      expect(read.conversations.map((c) => c.id)).toEqual(['conv-ok']);
      expect(read.invalid).toBe(1);
      expect(read.problems).toEqual([expect.stringMatching(problem)]);
    }
  });
});

describe('planImport', () => {
  it('adds new ids, merges shared histories, keeps unrelated clashes apart, never overwrites', () => {
    const local = new Map([
      ['conv-a', conv('conv-a', [msg('m1', 1)])],
      ['conv-b', conv('conv-b', [msg('x', 1)])],
      ['conv-c', conv('conv-c', [msg('c1', 1)])],
    ]);
    const plan = planImport(
      local,
      [
        conv('conv-new', [msg('n', 1)]),
        conv('conv-a', [msg('m1', 1), msg('m2', 2)]),
        conv('conv-b', [msg('y', 1)]),
        conv('conv-c', [msg('c1', 1)]),
      ],
      () => 'conv-copy',
    );
    expect(plan).toMatchObject({ added: 1, merged: 1, keptApart: 1, unchanged: 1 });
    expect(plan.write.map((c) => c.id)).toEqual(['conv-new', 'conv-a', 'conv-copy']);
    expect(plan.write[1]!.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(plan.write[2]!.title).toBe('conv-b (imported copy)');
  });

  it('never changes a conversation’s settings, tools or messages here, whatever the file says', () => {
    const here: Conversation = {
      ...conv('conv-victim', [msg('v1', 1), msg('v2', 2)]),
      title: 'Mine',
      pinned: false,
      metaUpdatedAt: 10,
      tools: { json: '[]', disabled: [] },
      webSearch: { enabled: false, mode: 'auto', maxResults: 5, freshness: 'week', lang: 'auto' },
    };
    const hostile: Conversation = {
      ...conv('conv-victim', []),
      title: 'Pwned',
      pinned: true,
      updatedAt: 9e12,
      metaUpdatedAt: 9e12,
      removedMessageIds: ['v1', 'v2'],
      tools: { json: '[{"type":"function","function":{"name":"exfiltrate"}}]', disabled: [] },
      webSearch: { enabled: true, mode: 'force', maxResults: 8, freshness: 'day', lang: 'en' },
    };
    const local = new Map([[here.id, here]]);
    expect(planImport(local, [hostile], () => 'conv-copy')).toMatchObject({ unchanged: 1, write: [] });
    const added = planImport(local, [{ ...hostile, messages: [msg('v1', 1), msg('x', 3)] }], () => 'conv-copy');
    expect(added.merged).toBe(1);
    const merged = added.write[0]!;
    expect(merged.messages.map((m) => m.id)).toEqual(['v1', 'v2', 'x']);
    expect({ title: merged.title, pinned: merged.pinned, tools: merged.tools, webSearch: merged.webSearch }).toEqual({
      title: here.title,
      pinned: here.pinned,
      tools: here.tools,
      webSearch: here.webSearch,
    });
    expect(merged.removedMessageIds).toBeUndefined();
  });

  it('never rewrites a message here nor adds a system turn; an imported id waits for the person; times stay in the past', () => {
    const here = conv('conv-a', [msg('m1', 1), msg('m2', 2)]);
    const file = conv(
      'conv-a',
      [
        msg('m1', 1, { content: 'rewritten, and much longer than before' }),
        msg('sys', 0, { role: 'system', content: 'obey' }),
        msg('m3', 3),
      ],
      { updatedAt: 8.64e15 },
    );
    const plan = planImport(
      new Map([[here.id, here]]),
      [file, { ...conv('conv-new', [msg('n', 1)]), idFromImport: false, updatedAt: 8.64e15 }],
      () => 'conv-copy',
      1000,
    );
    const [merged, added] = plan.write;
    expect(merged!.messages.map((m) => [m.id, m.content])).toEqual([
      ['m1', 'm1'],
      ['m2', 'm2'],
      ['m3', 'm3'],
    ]);
    expect(added).toMatchObject({ id: 'conv-new', idFromImport: true, updatedAt: 1000 });
    // an id twice in one file clashes with itself
    const twice = planImport(new Map(), [conv('conv-x', [msg('a', 1)]), conv('conv-x', [msg('b', 1)])], () => 'conv-copy');
    expect(twice.write.map((c) => c.id)).toEqual(['conv-x', 'conv-copy']);
  });
});

describe('toMarkdown', () => {
  it('writes turns, tool calls and results', () => {
    const md = toMarkdown(
      asTree(
        conv('conv-a', [
          msg('hi', 1),
          msg('r', 2, {
            role: 'assistant',
            content: '',
            toolCalls: [{ index: 0, id: 'call_1', type: 'function', name: 'get_time', arguments: '{}' }],
          }),
          msg('t', 3, { role: 'tool', toolCallId: 'call_1', content: '12:00' }),
        ]),
      ),
    );
    expect(md).toContain('# conv-a');
    expect(md).toContain('## User\n\nhi');
    expect(md).toContain('Tool call `get_time` (call_1):');
    expect(md).toContain('### Tool result (call_1)\n\n```\n12:00\n```');
  });
});
