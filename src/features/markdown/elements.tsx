// What a reply's markdown becomes in the DOM, made safe: its links, images and code.
import { Children, useContext, useState, type ReactElement, type ReactNode } from 'react';
import type { Components } from 'react-markdown';
import { remarkGfm } from './gfm';
import { httpUrl, safeLinkUrl } from '../../domain/safeUrl';
import { CodeBlock } from './CodeBlock';
import { useT } from '../../i18n/useT';
import { CitationSources, remarkCitations } from './citations';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** An image from a reply: not fetched until the person asks (its URL could carry the conversation out). */
function ImagePlaceholder({ src, alt }: { src: string; alt: string }) {
  const t = useT().markdown;
  const [load, setLoad] = useState(false);
  const url = httpUrl(src);
  if (load && url) return <img src={url} alt={alt} referrerPolicy="no-referrer" className="max-w-full rounded" />;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 rounded border border-dashed border-line px-2 py-1 text-xs text-ink-muted">
      <span>{t.image(alt, hostOf(url) || t.imageBadAddress)}</span>
      {url && (
        <button
          type="button"
          className="rounded border border-line px-1.5 py-0.5 text-ink hover:bg-surface-sunken"
          onClick={() => setLoad(true)}
        >
          {t.loadImage}
        </button>
      )}
    </span>
  );
}

/** A link whose address was not http, https or mailto: its words only. */
function RemovedLink({ children }: { children: ReactNode }) {
  return <span title={useT().markdown.linkRemoved}>{children}</span>;
}

/** `[n]` in a reply: a link to its n-th source, with a card naming it on hover and focus; `[n]` as written while that source is not known. */
function Citation({ n }: { n: number }) {
  const source = useContext(CitationSources)[n - 1];
  const t = useT().markdown;
  if (!source) return <>[{n}]</>;
  return (
    <a href={source.url} target="_blank" rel="noopener noreferrer" className="citation" aria-label={t.citation(n, source.title)}>
      {n}
      <span aria-hidden="true" className="citation-card">
        <span className="block truncate font-medium text-ink">{source.title}</span>
        <span className="block truncate text-ink-muted">{source.domain}</span>
      </span>
    </a>
  );
}

// No raw HTML is ever rendered (no rehype-raw), and no HTML string is written into
// the DOM: every node becomes a React element.
export const components: Components = {
  a({ href, children, node: _node, ...rest }) {
    // Unsafe addresses were emptied by the URL transform: such a link stays plain text.
    if (!href) return <RemovedLink>{children}</RemovedLink>;
    return (
      // The real destination shows on hover and on keyboard focus (see .prose-reply a::after).
      <a {...rest} href={href} target="_blank" rel="noopener noreferrer" title={href} data-href={href}>
        {children}
      </a>
    );
  },
  sup({ children, node: _node, ...rest }) {
    const cite = (rest as { 'data-cite'?: string })['data-cite'];
    return cite ? <Citation n={Number(cite)} /> : <sup {...rest}>{children}</sup>;
  },
  img({ src, alt }) {
    return <ImagePlaceholder src={typeof src === 'string' ? src : ''} alt={alt ?? ''} />;
  },
  pre({ children }) {
    const code = Children.only(children) as ReactElement<{ className?: string; children?: ReactNode }>;
    const language = /^language-([\w+#.-]+)$/.exec(code.props.className ?? '')?.[1];
    return <CodeBlock language={language} code={String(code.props.children ?? '').replace(/\n$/, '')} />;
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

/** Links: http, https and mailto only; images: kept as given, checked when loaded. */
export function urlTransform(url: string, key: string): string {
  return key === 'src' ? url : safeLinkUrl(url);
}

export const plugins = [remarkGfm, remarkCitations];
