import { describe, expect, it } from 'vitest';
import { jsonView, TEXT_CHARS, TREE_DEPTH, TREE_NODES, type JsonNode } from './jsonView';

function measure(node: JsonNode, depth = 0): { depth: number; nodes: number } {
  if (node.kind !== 'branch') return { depth, nodes: 1 };
  return node.children
    .map((c) => measure(c, depth + 1))
    .reduce((a, b) => ({ depth: Math.max(a.depth, b.depth), nodes: a.nodes + b.nodes }), { depth, nodes: 1 });
}

describe('jsonView', () => {
  it('shows a value as a tree, keys quoted', () => {
    expect(jsonView({ city: 'Oslo', days: [1, 2] })).toEqual({
      kind: 'branch',
      array: false,
      size: 2,
      hidden: 0,
      children: [
        { kind: 'leaf', label: '"city"', text: '"Oslo"', isString: true },
        {
          kind: 'branch',
          label: '"days"',
          array: true,
          size: 2,
          hidden: 0,
          children: [
            { kind: 'leaf', text: '1', isString: false },
            { kind: 'leaf', text: '2', isString: false },
          ],
        },
      ],
    });
  });

  it('shows what is deeper than TREE_DEPTH as JSON text', () => {
    let value: unknown = 'end';
    for (let i = 0; i < 60; i++) value = [value];
    const tree = jsonView(value);
    expect(measure(tree).depth).toBe(TREE_DEPTH);
    let node = tree;
    while (node.kind === 'branch') node = node.children[0]!;
    expect(node).toEqual({ kind: 'deep', text: `${'['.repeat(60 - TREE_DEPTH)}"end"${']'.repeat(60 - TREE_DEPTH)}` });
  });

  it('shows at most TREE_NODES values, and counts the rest', () => {
    const tree = jsonView({ a: Array.from({ length: 5000 }, (_, i) => i), b: { c: 1 } });
    expect(measure(tree).nodes).toBeLessThanOrEqual(TREE_NODES + 1);
    // The budget runs out in "a" (after the root and "a" itself): "b" is counted, not shown.
    expect(tree).toMatchObject({ kind: 'branch', size: 2, hidden: 1 });
    expect(tree.kind === 'branch' && tree.children[0]).toMatchObject({ kind: 'branch', size: 5000, hidden: 5000 - (TREE_NODES - 2) });
  });

  it('cuts a long value', () => {
    const tree = jsonView('x'.repeat(10 * TEXT_CHARS));
    expect(tree.kind === 'leaf' && tree.text.length).toBe(TEXT_CHARS + 1);
  });
});
