import { memo, useRef } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { EMPTY_SPLIT, repairTail, splitBlocks } from './blocks';

function domainOf(url: string | undefined): string {
  try {
    return url ? new URL(url, location.href).host : '';
  } catch {
    return '';
  }
}

// No raw HTML is rendered (no rehype-raw); react-markdown's default URL transform
// already drops javascript: and other unsafe schemes.
const components: Components = {
  a({ href, children, node: _node, ...rest }) {
    // The URL transform empties unsafe addresses (javascript:, data:): such a link stays plain text.
    if (!href) return <span title="Link removed: its address was not http, https or mailto">{children}</span>;
    return (
      <a {...rest} href={href} target="_blank" rel="noopener noreferrer" title={href}>
        {children}
      </a>
    );
  },
  // Images are not fetched on their own: a reply could leak the conversation through an image URL.
  img({ src, alt }) {
    const source = typeof src === 'string' ? src : undefined;
    return (
      <span className="inline-flex items-center gap-1 rounded border border-dashed border-line px-2 py-0.5 text-xs text-ink-muted">
        Image not loaded{alt ? `: ${alt}` : ''} ({domainOf(source) || 'no source'})
      </span>
    );
  },
  code({ className, children, node: _node, ...rest }) {
    // Only language-* classes from fence info strings reach the DOM.
    const language = /^language-[\w+#.-]+$/.test(className ?? '') ? className : undefined;
    return (
      <code {...rest} className={language}>
        {children}
      </code>
    );
  },
};

const plugins = [remarkGfm];

/** One block, parsed once per distinct text: finished blocks never re-parse. */
const Block = memo(function Block({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={plugins} components={components}>
      {text}
    </ReactMarkdown>
  );
});

/** A reply's markdown, rendered incrementally: only the growing last block is parsed again. */
const Markdown = memo(function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const split = useRef(EMPTY_SPLIT);
  split.current = splitBlocks(text, split.current);
  const { blocks } = split.current;
  return (
    <div className="prose-reply">
      {blocks.map((block, i) => (
        // Each block is its own box: off-screen ones skip layout and paint (content-visibility).
        <div key={i} className="md-block">
          <Block text={streaming && i === blocks.length - 1 ? repairTail(block) : block} />
        </div>
      ))}
    </div>
  );
});

export default Markdown;
