// What a tool call's arguments show as a tree, bounded: a reply can send any shape,
// and a tree of every value would be as deep and as large as the reply makes it.

/** Levels shown as a tree; what is deeper shows as its JSON text. */
export const TREE_DEPTH = 12;
/** Values shown in one card; the rest of each list is counted, not shown. */
export const TREE_NODES = 1000;
/** Characters of a value's JSON text shown in the tree. */
export const TEXT_CHARS = 2000;

export type JsonNode =
  | { kind: 'branch'; label?: string; array: boolean; size: number; children: JsonNode[]; hidden: number }
  | { kind: 'leaf'; label?: string; text: string; isString: boolean }
  /** A value deeper than TREE_DEPTH, as (the start of) its JSON text. */
  | { kind: 'deep'; label?: string; text: string };

/** JSON text of a value, at most TEXT_CHARS of it; never throws (undefined, while streaming, is "…"). */
function jsonText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? '…';
  } catch {
    text = String(value);
  }
  return text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS)}…` : text;
}

/** The tree of `value` to show: at most TREE_DEPTH levels and TREE_NODES values in all. */
export function jsonView(value: unknown): JsonNode {
  let budget = TREE_NODES;
  const node = (v: unknown, depth: number, label?: string): JsonNode => {
    budget--;
    const withLabel = label === undefined ? {} : { label };
    if (typeof v !== 'object' || v === null)
      return { kind: 'leaf', ...withLabel, text: v === undefined ? '…' : jsonText(v), isString: typeof v === 'string' };
    if (depth >= TREE_DEPTH) return { kind: 'deep', ...withLabel, text: jsonText(v) };
    const array = Array.isArray(v);
    const record = v as Record<string, unknown>;
    const keys = array ? undefined : Object.keys(record);
    const size = keys ? keys.length : (v as unknown[]).length;
    const children: JsonNode[] = [];
    for (let i = 0; i < size && budget > 0; i++) {
      children.push(keys ? node(record[keys[i]!], depth + 1, JSON.stringify(keys[i])) : node((v as unknown[])[i], depth + 1));
    }
    return { kind: 'branch', ...withLabel, array, size, children, hidden: size - children.length };
  };
  return node(value, 0);
}
