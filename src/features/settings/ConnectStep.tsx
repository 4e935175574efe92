import { useId, useState } from 'react';
import { BITSEEK_ENDPOINT, BITSEEK_PROXY_ENDPOINT, endpointOrigin, withoutCredentials } from '../../api';
import { useT } from '../../i18n/useT';
import { useDeployStore } from '../../store/deployStore';
import { useSettingsStore } from '../../store/settingsStore';
import { Button } from '../../ui/Button';
import { Template } from '../../ui/Template';
import { ApiKeyField, EndpointField } from './ConnectionFields';
import { EndpointCheck, WithChecks } from './EndpointCheck';
import { checkableModelsUrl } from './modelsQuery';

/**
 * The first screen of a deployment with no simulator and no endpoint set: the endpoint
 * (the same-origin proxy when it answers, else Bitseek's), the key, and a check that
 * costs no tokens. Connect saves them as Settings would.
 */
export default function ConnectStep() {
  const all = useT();
  const t = all.connect;
  const proxy = useDeployStore((s) => s.proxy);
  const remembered = useSettingsStore((s) => s.rememberKey);
  const [endpoint, setEndpoint] = useState(proxy ? BITSEEK_PROXY_ENDPOINT : BITSEEK_ENDPOINT);
  const [apiKey, setApiKey] = useState('');
  const [remember, setRemember] = useState(remembered);
  /** What was last checked: the check runs when asked, not at every keystroke. */
  const [checked, setChecked] = useState<{ url: string; endpoint: string; apiKey: string }>();
  const headingId = useId();
  const checkUrl = checkableModelsUrl(endpoint);
  const hasCredentials = withoutCredentials(endpoint) !== endpoint;

  const connect = () => useSettingsStore.getState().update({ endpoint: endpoint.trim(), apiKey: apiKey.trim(), rememberKey: remember });

  return (
    <div className="min-h-0 flex-1 overflow-y-auto pb-6">
      <section aria-labelledby={headingId} className="mx-auto mt-[8vh] w-full max-w-md space-y-4 px-4">
        <h2 id={headingId} className="text-xl font-semibold text-ink">
          {t.title}
        </h2>
        <p className="text-sm text-ink-muted">{t.intro}</p>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (checkUrl && !hasCredentials) connect();
          }}
        >
          <EndpointField
            value={endpoint}
            onChange={setEndpoint}
            hint={
              <Template
                text={t.endpointHint}
                slots={{ bitseek: <code>{BITSEEK_ENDPOINT}</code>, proxy: <code>{BITSEEK_PROXY_ENDPOINT}</code> }}
              />
            }
          />
          <ApiKeyField value={apiKey} onChange={setApiKey} hint={remember ? all.settings.keyStored : all.settings.keyTabOnly} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {all.settings.rememberKey}
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              disabled={!checkUrl || hasCredentials}
              onClick={() => checkUrl && setChecked({ url: checkUrl, endpoint: endpoint.trim(), apiKey: apiKey.trim() })}
            >
              {t.check}
            </Button>
            <Button type="submit" variant="primary" disabled={!checkUrl || hasCredentials}>
              {t.connect}
            </Button>
          </div>
          {checked ? (
            <WithChecks>
              {/* The key typed here is for this endpoint: it goes to no other origin. */}
              <EndpointCheck
                url={checked.url}
                grant={{ endpoint: checked.endpoint, apiKey: checked.apiKey, keyOrigin: endpointOrigin(checked.endpoint) }}
              />
            </WithChecks>
          ) : (
            <p className="text-xs text-ink-muted">{t.checkFirst}</p>
          )}
        </form>
      </section>
    </div>
  );
}
