import { Fragment, type ReactNode } from 'react';
import { templateParts } from '../i18n';

/** A translated sentence with elements in its named slots: "open {url} now". */
export function Template({ text, slots }: { text: string; slots: Record<string, ReactNode> }) {
  return (
    <>
      {templateParts(text).map((part, i) => (
        <Fragment key={i}>{part.slot !== undefined ? slots[part.slot] : part.text}</Fragment>
      ))}
    </>
  );
}
