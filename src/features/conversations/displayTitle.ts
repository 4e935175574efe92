import { en, type Messages } from '../../i18n';
import type { Conversation } from '../../domain/types';

/** A conversation's title to show: the stored English default titles, in the reader's language. */
export function displayTitle(t: Messages, c: Conversation | undefined): string {
  if (!c || c.title === en.chat.untitled) return t.chat.untitled;
  if (c.title === en.chat.resumedTitle(c.id)) return t.chat.resumedTitle(c.id);
  const copy = en.chat.importedCopyTitle('');
  if (c.title.endsWith(copy)) return t.chat.importedCopyTitle(displayTitle(t, { ...c, title: c.title.slice(0, -copy.length) }));
  return c.title;
}
