import { useRef } from 'react';
import { byPinThenActivity } from '../../domain/conversation';
import { exportFile, readImport, toMarkdown } from '../../domain/transfer';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { download } from '../../ui/download';
import { toast } from '../../ui/toastStore';

const fileSafe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 80);
const today = () => new Date().toISOString().slice(0, 10);

/** Export the open conversation (JSON or Markdown) or all of them; import a JSON export. */
export function DataActions() {
  const input = useRef<HTMLInputElement>(null);
  const importConversations = useChatStore((s) => s.importConversations);

  const exportOne = (format: 'json' | 'md') => {
    const { conversations, activeId } = useChatStore.getState();
    const c = conversations[activeId];
    if (!c || c.messages.length === 0) return toast('Nothing to export yet: this conversation is empty.');
    if (format === 'md') download(`${fileSafe(c.title)}.md`, toMarkdown(c), 'text/markdown');
    else download(`${fileSafe(c.title)}.json`, JSON.stringify(exportFile([c]), null, 2), 'application/json');
    toast(`Exported “${c.title}”.`);
  };

  const exportAll = () => {
    const all = Object.values(useChatStore.getState().conversations).filter((c) => c.messages.length > 0).sort(byPinThenActivity);
    download(`bitseek-chat-${today()}.json`, JSON.stringify(exportFile(all), null, 2), 'application/json');
    toast(`Exported ${all.length} conversation${all.length === 1 ? '' : 's'}.`);
  };

  const importFile = async (file: File) => {
    try {
      const read = readImport(await file.text());
      const plan = importConversations(read.conversations);
      const parts = [`${plan.added} added`, `${plan.merged} merged`];
      if (plan.keptApart) parts.push(`${plan.keptApart} kept apart as copies (same id, different history)`);
      if (plan.unchanged) parts.push(`${plan.unchanged} already here`);
      if (read.invalid) parts.push(`${read.invalid} skipped (not valid)`);
      toast(`Imported ${file.name}: ${parts.join(', ')}.`);
    } catch (error) {
      toast(`Could not import ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="grid grid-cols-2 gap-1 border-t border-line pt-2">
      <Button size="sm" variant="ghost" onClick={() => exportOne('json')}>
        Export chat
      </Button>
      <Button size="sm" variant="ghost" onClick={() => exportOne('md')}>
        Export Markdown
      </Button>
      <Button size="sm" variant="ghost" onClick={exportAll}>
        Export all
      </Button>
      <Button size="sm" variant="ghost" onClick={() => input.current?.click()}>
        Import
      </Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="Import conversations from a JSON file"
        className="hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
