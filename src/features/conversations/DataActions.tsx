import { useRef } from 'react';
import { byPinThenActivity } from '../../domain/conversation';
import { exportFile } from '../../domain/transfer';
import { useChatStore } from '../../store/chatStore';
import { ArrowDownUp } from 'lucide-react';
import { Menu } from '../../ui/Menu';
import { download } from '../../ui/download';
import { toast } from '../../ui/toastStore';
import { sayError } from '../../i18n';
import { useT } from '../../i18n/useT';
import { exportConversation } from './exporting';
import { readImportFile } from './readImportFile';

const today = () => new Date().toISOString().slice(0, 10);

/** Export the open conversation (JSON or Markdown) or all of them; import a JSON export. */
export function DataActions() {
  const t = useT();
  const tc = t.conversations;
  const input = useRef<HTMLInputElement>(null);
  const importConversations = useChatStore((s) => s.importConversations);

  const exportOne = (format: 'json' | 'md') => {
    const { conversations, activeId } = useChatStore.getState();
    exportConversation(t, conversations.get(activeId), format);
  };

  const exportAll = () => {
    const all = [...useChatStore.getState().conversations.values()].filter((c) => c.messages.length > 0).sort(byPinThenActivity);
    if (all.length === 0) return toast(tc.nothingToExportAll);
    download(`bitseek-chat-${today()}.json`, JSON.stringify(exportFile(all), null, 2), 'application/json');
    toast(tc.exportedMany(all.length));
  };

  const importFile = async (file: File) => {
    try {
      const read = await readImportFile(file);
      const plan = importConversations(read.conversations);
      const parts = [tc.importAdded(plan.added), tc.importMerged(plan.merged)];
      if (plan.keptApart) parts.push(tc.importKeptApart(plan.keptApart));
      if (plan.unchanged) parts.push(tc.importUnchanged(plan.unchanged));
      if (read.invalid) parts.push(tc.importInvalid(read.invalid, read.problems));
      toast(tc.imported(file.name, parts));
    } catch (error) {
      toast(tc.importFailed(file.name, sayError(t, error)));
    }
  };

  return (
    <div className="border-t border-line pt-2">
      <Menu
        label={tc.data}
        icon={
          <>
            <ArrowDownUp aria-hidden="true" size={16} />
            {tc.data}
          </>
        }
        className="flex h-9 w-full items-center gap-2 rounded-md px-2 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink pointer-coarse:h-11"
        items={[
          { label: tc.exportChat, onSelect: () => exportOne('json') },
          { label: tc.exportMarkdown, onSelect: () => exportOne('md') },
          { label: tc.exportAll, onSelect: exportAll },
          { label: tc.import, onSelect: () => input.current?.click() },
        ]}
      />
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={tc.importField}
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
