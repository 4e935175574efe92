import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

// What remark-gfm adds to a processor, built once. react-markdown makes a processor
// for every render, and remark-gfm builds its extensions anew for each (also those
// for writing markdown, which a renderer never does).
const syntax = gfm();
const fromMarkdown = gfmFromMarkdown();

/** The fields of a unified processor's data that remark-parse reads. */
interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/** GFM (tables, strikethrough, task lists, autolinks, footnotes), as remark-gfm with its defaults. */
export function remarkGfm(this: { data(): object }): void {
  const data: ParserData = this.data();
  (data.micromarkExtensions ??= []).push(syntax);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}
