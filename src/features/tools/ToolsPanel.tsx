import { lazy, Suspense, useId, useMemo } from 'react';
import { parseToolsJson, TOOL_PRESETS, withPreset } from '../../domain/tools';
import { toolsOf, useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { say } from '../../i18n';
import { useT } from '../../i18n/useT';

// The MCP section (its form, its list) loads after the first screen.
const McpServers = lazy(() => import('./McpServers').then((m) => ({ default: m.McpServers })));

/** The open conversation's OpenAI `tools` array: edited as JSON, checked as typed, switchable per tool. */
export function ToolsPanel() {
  const tAll = useT();
  const t = tAll.tools;
  const config = useChatStore((s) => toolsOf(s.conversations.get(s.activeId)));
  const setTools = useChatStore((s) => s.setTools);
  const parsed = useMemo(() => parseToolsJson(config.json), [config.json]);
  const editorId = useId();
  const problemsId = useId();
  const presetsBlocked = parsed.problems.some((p) => p.line !== undefined);
  const off = new Set(config.disabled);

  return (
    <aside aria-label={t.panel} className="space-y-3">
      <h2 className="text-sm font-semibold">{t.panel}</h2>
      <div className="space-y-1">
        <label htmlFor={editorId} className="block text-sm font-medium">
          {t.json}
        </label>
        <textarea
          id={editorId}
          aria-describedby={problemsId}
          aria-invalid={parsed.problems.length > 0 || undefined}
          spellCheck={false}
          rows={10}
          value={config.json}
          placeholder='[{"type": "function", "function": {"name": "get_weather", "parameters": {…}}}]'
          onChange={(e) => setTools({ json: e.target.value })}
          className="block w-full resize-y rounded-md border border-line bg-surface px-2 py-1.5 font-mono text-xs leading-5 aria-[invalid]:border-danger"
        />
        <div id={problemsId} aria-live="polite" className="text-2xs">
          {parsed.problems.length > 0 ? (
            <ul className="space-y-0.5 text-danger">
              {parsed.problems.map((p, i) => (
                <li key={i}>{say(tAll, p.said)}</li>
              ))}
            </ul>
          ) : (
            <p className="text-ink-muted">
              {parsed.tools.length
                ? t.willSend(parsed.tools.filter((tool) => !off.has(tool.function.name)).length, parsed.tools.length)
                : t.none}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-1">
        {Object.values(TOOL_PRESETS).map((preset) => (
          <Button
            key={preset.function.name}
            size="sm"
            disabled={presetsBlocked}
            title={presetsBlocked ? t.fixSyntaxFirst : t.insertExample(preset.function.name)}
            onClick={() => {
              const next = withPreset(config.json, preset);
              if (next !== undefined) setTools({ json: next });
            }}
          >
            + {preset.function.name}
          </Button>
        ))}
      </div>
      {parsed.tools.length > 0 && (
        <ul className="space-y-1">
          {parsed.tools.map((tool) => (
            <li key={tool.function.name}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={!off.has(tool.function.name)}
                  onChange={(e) =>
                    setTools({
                      disabled: e.target.checked
                        ? config.disabled.filter((n) => n !== tool.function.name)
                        : [...config.disabled, tool.function.name],
                    })
                  }
                />
                <span className="font-mono text-xs">{t.use(tool.function.name)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <Suspense fallback={null}>
        <McpServers />
      </Suspense>
    </aside>
  );
}
