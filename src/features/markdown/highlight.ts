// Loaded only when a finished reply has a fenced code block: highlight.js's common
// grammars through lowlight, which returns a syntax tree, never an HTML string.
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { common, createLowlight } from 'lowlight';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

const lowlight = createLowlight(common);

/** The code as highlighted React elements, or undefined for a language it does not know. */
export function highlight(code: string, language: string): ReactNode | undefined {
  if (!lowlight.registered(language)) return undefined;
  return toJsxRuntime(lowlight.highlight(language, code), { Fragment, jsx, jsxs });
}
