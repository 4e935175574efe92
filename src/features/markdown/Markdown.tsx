import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

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

/** A reply's markdown; memoized so an unchanged message never re-parses. */
const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-reply">
      <ReactMarkdown remarkPlugins={plugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});

export default Markdown;
