/** A link a reply cites, for the compact "Sources" list under it. */
export interface Source {
  url: string;
  title: string;
  domain: string;
}

const MARKDOWN_LINK = /(?<!!)\[([^\]\n]{1,300})\]\((https?:\/\/[^\s)]+)(?:\s+"[^"]*")?\)/g;
// "[1] https://… Title" or "1. Title — https://…": numbered references with bare URLs
const NUMBERED_BARE = /^\s*(?:\[\d+\]|\d+[.)])\s+(.*?)(https?:\/\/[^\s)\]]+)(.*)$/gm;

function domainOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

function cleanTitle(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The http(s) links a reply cites, in order, each once; code is not searched. */
export function extractSources(markdown: string): Source[] {
  const text = markdown.replace(/```[\s\S]*?(```|$)/g, '').replace(/`[^`\n]*`/g, '');
  const found = new Map<string, Source>();
  const add = (url: string, title: string) => {
    const domain = domainOf(url);
    if (!domain || found.has(url)) return;
    found.set(url, { url, title: cleanTitle(title) || domain, domain });
  };
  for (const m of text.matchAll(MARKDOWN_LINK)) add(m[2]!, m[1]!);
  for (const m of text.matchAll(NUMBERED_BARE)) {
    if (/\]\($/.test(m[1] ?? '')) continue; // the URL of a markdown link, already read
    add(m[2]!, `${m[1] ?? ''} ${m[3] ?? ''}`);
  }
  return [...found.values()];
}
