import { useId, useState } from 'react';
import { BITSEEK_ENDPOINT, BITSEEK_PROXY_ENDPOINT, endpointOrigin, withoutCredentials } from '../../api';
import { useT } from '../../i18n/useT';
import { useDeployStore } from '../../store/deployStore';
import { useSettingsStore } from '../../store/settingsStore';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Template } from '../../ui/Template';
import { EndpointCheck, WithChecks } from './EndpointCheck';
import { checkableModelsUrl } from './modelsQuery';

const input = 'w-full rounded-md border border-line bg-surface-raised px-3 py-1.5 text-sm';

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
          <Field
            label={all.settings.endpoint}
            hint={
              <Template
                text={t.endpointHint}
                slots={{ bitseek: <code>{BITSEEK_ENDPOINT}</code>, proxy: <code>{BITSEEK_PROXY_ENDPOINT}</code> }}
              />
            }
          >
            {(id, hintId) => (
              <input
                id={id}
                aria-describedby={hintId}
                aria-invalid={hasCredentials}
                className={input}
                type="text"
                inputMode="url"
                spellCheck={false}
                value={endpoint}
                onChange={(e) => setEndpoint(e.target.value)}
              />
            )}
          </Field>
          {hasCredentials && (
            <p role="alert" className="rounded-md border border-danger/40 bg-danger-surface px-3 py-2 text-xs text-danger">
              {all.settings.endpointCredentials}
            </p>
          )}
          <Field label={all.settings.apiKey} hint={remember ? all.settings.keyStored : all.settings.keyTabOnly}>
            {(id, hintId) => (
              <input
                id={id}
                aria-describedby={hintId}
                className={input}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={apiKey}
                onChange={(e) => setApiKey(e.target.value)}
              />
            )}
          </Field>
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
