import { Globe, Wrench, X } from 'lucide-react';
import type { ToolDefinition, ToolsConfig } from '../../domain/tools';
import { useT } from '../../i18n/useT';
import { useChatStore, webSearchOf } from '../../store/chatStore';

const chip = 'inline-flex h-8 pointer-coarse:h-11 items-center gap-1.5 rounded-full border px-3 text-xs transition-colors';

/**
 * What the next request carries, under the message box: web search (on or off, with the
 * options in use) and the tools that will be sent, with a way to turn them off for this
 * chat. Nothing is sent that is not shown here; the details open the options panel.
 */
export function ComposerToolbar(props: {
  conversationId: string;
  tools: ToolsConfig;
  /** The tools the next request sends, as the composer checked them. */
  sent: ToolDefinition[];
  onOpenOptions?: () => void;
}) {
  const { conversationId, tools, onOpenOptions } = props;
  const t = useT();
  const webSearch = useChatStore((s) => webSearchOf(s.conversations.get(conversationId)));
  const setWebSearch = useChatStore((s) => s.setWebSearch);
  const setTools = useChatStore((s) => s.setTools);
  const sent = props.sent.map((tool) => tool.function.name);
  const ws = t.search;
  return (
    <div className="mx-auto mt-2 flex max-w-reading flex-wrap items-center gap-2">
      <button
        type="button"
        aria-pressed={webSearch.enabled}
        onClick={() => setWebSearch({ enabled: !webSearch.enabled })}
        className={`${chip} ${webSearch.enabled ? 'border-accent/50 bg-accent/5 text-accent' : 'border-line text-ink-muted hover:bg-surface-sunken hover:text-ink'}`}
      >
        <Globe aria-hidden="true" size={14} />
        {ws.panel}
      </button>
      {webSearch.enabled && (
        <button
          type="button"
          onClick={onOpenOptions}
          title={ws.legend}
          className="text-xs text-ink-muted underline-offset-2 hover:text-ink hover:underline"
        >
          {ws.summary(ws.modes[webSearch.mode], webSearch.maxResults, ws.freshnessValues[webSearch.freshness])}
        </button>
      )}
      {sent.length > 0 && (
        <span className={`${chip} border-accent/50 bg-accent/5 pr-1 text-accent`}>
          <button type="button" onClick={onOpenOptions} title={sent.join(', ')} className="inline-flex items-center gap-1.5">
            <Wrench aria-hidden="true" size={14} />
            {t.tools.chip(sent.length)}
          </button>
          <button
            type="button"
            aria-label={t.tools.turnOff}
            title={t.tools.turnOff}
            onClick={() => setTools({ disabled: [...new Set([...tools.disabled, ...sent])] })}
            className="grid h-6 w-6 place-items-center rounded-full pointer-coarse:h-9 pointer-coarse:w-9 hover:bg-accent/20"
          >
            <X aria-hidden="true" size={12} />
          </button>
        </span>
      )}
    </div>
  );
}
