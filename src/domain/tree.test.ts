import { describe, expect, it } from 'vitest';
import { mergeConversations } from './merge';
import { activePath, addTurn, asTree, choose, pathTo, reveal, versionsOf, withMessagePatched } from './tree';
import type { Conversation, Message } from './types';

const msg = (id: string, parentId?: string, createdAt = 1): Message => ({
  id,
  role: 'user',
  content: id,
  createdAt,
  ...(parentId && { parentId }),
});
const conv = (messages: Message[], activeChildren?: string[]): Conversation => ({
  id: 'conv-t',
  title: 't',
  createdAt: 1,
  updatedAt: 1,
  messages,
  ...(activeChildren && { activeChildren }),
});
const ids = (ms: readonly Message[]) => ms.map((m) => m.id);

//  q1 ─ a1 ─ q2 ─ a2
//            └ q2b ─ a2b ─ q3
//  q1b ─ a1b
const tree = conv([
  msg('q1'),
  msg('a1', 'q1'),
  msg('q2', 'a1'),
  msg('a2', 'q2'),
  msg('q2b', 'a1'),
  msg('a2b', 'q2b'),
  msg('q3', 'a2b'),
  msg('q1b'),
  msg('a1b', 'q1b'),
]);

describe('the active path', () => {
  it('is carried over a streamed frame: the same where the message is off it, else with the message replaced', () => {
    const chosen = reveal(tree, 'q3');
    const path = activePath(chosen);
    const onPath = { ...chosen, messages: withMessagePatched(chosen.messages, 'q3', { content: 'q3, longer' }) };
    expect(activePath(onPath).map((m) => m.content)).toEqual([...path.slice(0, -1).map((m) => m.content), 'q3, longer']);
    expect(activePath(onPath)).toEqual(activePath({ ...onPath, messages: [...onPath.messages] })); // as found anew
    const offPath = { ...chosen, messages: withMessagePatched(chosen.messages, 'a2', { content: 'a2, longer' }) };
    expect(activePath(offPath)).toBe(path);
    expect(activePath({ ...offPath, activeChildren: ['q1', 'q2'] }).map((m) => m.content)).toContain('a2, longer'); // other choices: found anew
  });

  it('takes the newest child at a fork without a choice, and the chosen one at the others', () => {
    expect(ids(activePath(tree))).toEqual(['q1b', 'a1b']);
    const first = choose(tree, 'q1');
    expect(ids(activePath(first))).toEqual(['q1', 'a1', 'q2b', 'a2b', 'q3']);
    expect(ids(activePath(choose(first, 'q2')))).toEqual(['q1', 'a1', 'q2', 'a2']);
  });

  it('keeps the choices below a fork as they were when switching away and back', () => {
    const deep = choose(choose(tree, 'q1'), 'q2');
    const back = choose(choose(deep, 'q1b'), 'q1');
    expect(ids(activePath(back))).toEqual(['q1', 'a1', 'q2', 'a2']);
    // one choice per fork
    expect([...back.activeChildren!].sort()).toEqual(['q1', 'q2']);
  });

  it('reveal shows the branch that holds a message, down to it', () => {
    expect(ids(pathTo(tree, 'a2'))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(ids(activePath(reveal(tree, 'a2')))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(ids(versionsOf(tree, tree.messages[2]!))).toEqual(['q2', 'q2b']);
    expect(pathTo(tree, 'nope')).toEqual([]);
  });
});

describe('addTurn', () => {
  it('links new messages under the path and shows them; nothing is dropped', () => {
    const c = choose(tree, 'q2');
    const path = activePath(choose(c, 'q1'));
    const next = addTurn(c, [...path.slice(0, 2), msg('q2c'), msg('a2c')]);
    expect(next.messages).toHaveLength(tree.messages.length + 2);
    expect(ids(activePath(next))).toEqual(['q1', 'a1', 'q2c', 'a2c']);
    expect(ids(versionsOf(next, next.messages.at(-2)!))).toEqual(['q2', 'q2b', 'q2c']);
  });

  it('a first message added is a version of the first ones', () => {
    const next = addTurn(tree, [msg('q1c')]);
    expect(ids(activePath(next))).toEqual(['q1c']);
    expect(ids(versionsOf(next, next.messages.at(-1)!))).toEqual(['q1', 'q1b', 'q1c']);
  });
});

describe('two tabs, each adding a version', () => {
  it('keep both when their copies merge', () => {
    const base = asTree(conv([msg('q'), msg('a')]));
    const left = addTurn(base, [base.messages[0]!, msg('a-left', undefined, 2)]);
    const right = { ...addTurn(base, [base.messages[0]!, msg('a-right', undefined, 3)]), metaUpdatedAt: 5 };
    const merged = mergeConversations(left, right);
    expect(ids(versionsOf(merged, merged.messages[1]!))).toEqual(['a', 'a-left', 'a-right']);
    // Each tab goes on showing its own: a version the other added does not move its view.
    expect(ids(activePath(merged))).toEqual(['q', 'a-left']);
    expect(ids(activePath(mergeConversations(right, left)))).toEqual(['q', 'a-right']);
  });

  it('a tab that never chose at a fork keeps showing its branch when the other adds a version there', () => {
    const base = asTree(conv([msg('q'), msg('a'), msg('q2', undefined, 2), msg('a2', undefined, 3)]));
    // The other tab edited q2: its copy has q2b, which is newer, and chose it.
    const other = addTurn(base, [base.messages[0]!, base.messages[1]!, msg('q2b', undefined, 4)]);
    const merged = mergeConversations(base, other);
    expect(ids(activePath(merged))).toEqual(['q', 'a', 'q2', 'a2']);
  });

  it('a message whose parent is gone is kept in view, under the one before it', () => {
    const c = conv([msg('q'), msg('a', 'q'), msg('orphan', 'gone', 2)]);
    const merged = mergeConversations(c, c);
    expect(ids(activePath(merged))).toEqual(['q', 'a', 'orphan']);
  });

  it('a copy from before trees does not lose a message its parent', () => {
    const tree2 = asTree(conv([msg('q'), msg('a')]));
    const journaled = conv([msg('q'), { ...msg('a'), content: 'a, longer' }]);
    expect(mergeConversations(tree2, journaled).messages[1]).toMatchObject({ content: 'a, longer', parentId: 'q' });
    // The journal's last few messages, chained: the first of them names no parent, the stored copy does.
    const stored = asTree(conv([msg('q1'), msg('a1'), msg('q2', undefined, 2), msg('a2', undefined, 3)]));
    const tail = asTree(conv([msg('q2', undefined, 2), { ...msg('a2', undefined, 3), content: 'a2, longer' }]));
    const loaded = mergeConversations(tail, stored);
    expect(ids(activePath(loaded))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(activePath(loaded)[3]!.content).toBe('a2, longer');
  });
});
