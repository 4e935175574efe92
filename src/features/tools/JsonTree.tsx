import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import { jsonView, type JsonNode } from './jsonView';

function Label({ label }: { label: string | undefined }) {
  return label !== undefined ? <span className="text-accent">{label}: </span> : null;
}

/** One node; its depth is bounded by jsonView (TREE_DEPTH), so is this recursion. */
function Node({ node }: { node: JsonNode }) {
  const t = useT().tools;
  if (node.kind === 'leaf' || node.kind === 'deep') {
    const color = node.kind === 'deep' ? 'text-ink-muted' : node.isString ? 'text-ink' : 'text-warn';
    return (
      <div className="break-all" title={node.kind === 'deep' ? t.tooDeepToShow : undefined}>
        <Label label={node.label} />
        <span className={color}>{node.text}</span>
      </div>
    );
  }
  const [open, close] = node.array ? ['[', ']'] : ['{', '}'];
  if (node.size === 0) {
    return (
      <div>
        <Label label={node.label} />
        {open}
        {close}
      </div>
    );
  }
  return (
    <details open className="[&>summary]:cursor-pointer">
      <summary>
        <Label label={node.label} />
        {open}
        <span className="text-ink-muted"> {node.array ? t.items(node.size) : t.keys(node.size)}</span>
      </summary>
      <div className="ml-4 border-l border-line pl-2">
        {node.children.map((child, i) => (
          <Node key={i} node={child} />
        ))}
        {node.hidden > 0 && <div className="font-sans text-ink-muted">{t.moreNotShown(node.hidden)}</div>}
      </div>
      <div>{close}</div>
    </details>
  );
}

/**
 * A JSON value as a collapsible tree, bounded in depth and size (see jsonView).
 * Everything is rendered as text: a hostile key or value executes nothing.
 */
export function JsonTree({ value }: { value: unknown }) {
  const tree = useMemo(() => jsonView(value), [value]);
  return <Node node={tree} />;
}
