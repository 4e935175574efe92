import { exportFile, toMarkdown } from '../../domain/transfer';
import type { Conversation } from '../../domain/types';
import type { Messages } from '../../i18n';
import { download } from '../../ui/download';
import { toast } from '../../ui/toastStore';
import { displayTitle } from './displayTitle';

const fileSafe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 80);

/** Downloads one conversation as JSON (importable) or Markdown, and says so. */
export function exportConversation(t: Messages, c: Conversation | undefined, format: 'json' | 'md'): void {
  if (!c || c.messages.length === 0) return toast(t.conversations.nothingToExport);
  if (format === 'md') download(`${fileSafe(c.title)}.md`, toMarkdown(c), 'text/markdown');
  else download(`${fileSafe(c.title)}.json`, JSON.stringify(exportFile([c]), null, 2), 'application/json');
  toast(t.conversations.exportedOne(displayTitle(t, c)));
}
