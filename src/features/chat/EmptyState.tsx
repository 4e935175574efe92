import { Globe, History, Table2, Wrench, type LucideIcon } from 'lucide-react';
import { TOOL_PRESETS, withPreset } from '../../domain/tools';
import { useT } from '../../i18n/useT';
import { toolsOf, useChatStore, webSearchOf } from '../../store/chatStore';
import { useSimulatorHere } from '../../store/deployStore';
import { fillComposer } from '../../store/drafts';

type Suggestion = 'table' | 'search' | 'tool' | 'memory';
const ICONS: Record<Suggestion, LucideIcon> = { table: Table2, search: Globe, tool: Wrench, memory: History };

/** A greeting and four suggestions, each showing one thing the app does; a click puts its prompt in the box. */
export function EmptyState() {
  const t = useT().empty;
  const simulator = useSimulatorHere();
  const choose = (kind: Suggestion) => {
    const { activeId, conversations, setWebSearch, setTools } = useChatStore.getState();
    const c = conversations.get(activeId);
    // What the prompt needs is switched on for this chat, where it shows (the composer's chips).
    if (kind === 'search' && !webSearchOf(c).enabled) setWebSearch({ enabled: true });
    if (kind === 'tool') {
      const tools = toolsOf(c);
      const json = withPreset(tools.json, TOOL_PRESETS.get_weather);
      setTools({ ...(json !== undefined && { json }), disabled: tools.disabled.filter((name) => name !== 'get_weather') });
    }
    fillComposer(activeId, t.suggestions[kind].prompt);
  };
  return (
    <div className="mx-auto mt-[10vh] w-full max-w-2xl px-4 text-center">
      <h2 className="text-2xl font-semibold text-ink">{t.title}</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-ink-muted">{simulator ? `${t.intro} ${t.simulator}` : t.intro}</p>
      <div className="mt-8 grid grid-cols-1 gap-2 text-left sm:grid-cols-2">
        {(Object.keys(ICONS) as Suggestion[]).map((kind) => {
          const Icon = ICONS[kind];
          return (
            <button
              key={kind}
              type="button"
              onClick={() => choose(kind)}
              className="flex items-start gap-3 rounded-xl border border-line bg-surface-raised px-4 py-3 text-left text-sm transition-colors hover:border-accent/50 hover:bg-surface-sunken"
            >
              <Icon aria-hidden="true" size={18} className="mt-0.5 shrink-0 text-accent" />
              <span>
                <span className="block font-medium text-ink">{t.suggestions[kind].title}</span>
                <span className="block text-ink-muted">{t.suggestions[kind].prompt}</span>
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
