import { useId, useRef, useState } from 'react';
import { fetchModels, modelsUrl } from '../api';
import { useT } from '../i18n/useT';
import { useDeployStore } from '../store/deployStore';
import { useSettingsStore } from '../store/settingsStore';

/**
 * The model the next message goes to, in the header: free text, with the deployer's models
 * and those the endpoint lists (asked for once, when the picker is first focused) offered.
 */
export function ModelPicker() {
  const t = useT().app;
  const model = useSettingsStore((s) => s.model);
  const offered = useDeployStore((s) => s.config.models);
  const [listed, setListed] = useState<string[]>([]);
  const asked = useRef('');
  const listId = useId();
  const ask = () => {
    const settings = useSettingsStore.getState();
    if (asked.current === settings.endpoint) return;
    asked.current = settings.endpoint;
    try {
      fetchModels(modelsUrl(settings.endpoint), settings).then(setListed, () => setListed([]));
    } catch {
      // not a URL yet: nothing to ask
    }
  };
  const options = [...new Set([...(offered ?? []), ...listed])];
  return (
    <>
      <input
        aria-label={t.model}
        title={t.modelTitle}
        list={listId}
        value={model}
        spellCheck={false}
        onFocus={ask}
        onChange={(e) => useSettingsStore.getState().update({ model: e.target.value })}
        className="hidden h-8 w-40 rounded-md border border-line bg-surface-raised px-2 font-mono text-xs text-ink-muted focus:text-ink md:block"
      />
      <datalist id={listId}>
        {options.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </>
  );
}
