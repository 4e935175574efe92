import { createContext } from 'react';
import type { Source } from '../../domain/sources';

/** The sources of the reply being rendered: `[n]` in its text links to the n-th. */
export const CitationSources = createContext<readonly Source[]>([]);

/** The parts of a markdown tree this plugin reads and writes. */
interface Node {
  type: string;
  value?: string;
  children?: Node[];
  data?: { hName?: string; hProperties?: Record<string, string> };
}

const CITATION = /\[(\d{1,3})\]/g;
/** Text under these is left alone: a link in a link is no link. */
const SKIP = new Set(['link', 'linkReference', 'definition', 'footnoteReference', 'footnoteDefinition']);

/** A text's `[n]`s as `<sup data-cite="n">` (see Citation in elements.tsx), the rest as text. */
function splitText(value: string): Node[] | undefined {
  const parts: Node[] = [];
  let from = 0;
  for (const m of value.matchAll(CITATION)) {
    if (m.index > from) parts.push({ type: 'text', value: value.slice(from, m.index) });
    parts.push({ type: 'text', value: m[1]!, data: { hName: 'sup', hProperties: { dataCite: m[1]! } } });
    from = m.index + m[0].length;
  }
  if (from === 0) return undefined;
  if (from < value.length) parts.push({ type: 'text', value: value.slice(from) });
  return parts;
}

function visit(node: Node): void {
  if (!node.children || SKIP.has(node.type)) return;
  const children: Node[] = [];
  for (const child of node.children) {
    const split = child.type === 'text' && child.value?.includes('[') ? splitText(child.value) : undefined;
    if (split) children.push(...split);
    else {
      visit(child);
      children.push(child);
    }
  }
  node.children = children;
}

/** Citations, `[1]`, as elements of their own: remark plugin. */
export function remarkCitations() {
  return (tree: Node): void => visit(tree);
}
