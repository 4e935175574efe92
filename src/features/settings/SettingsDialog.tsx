import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Field } from '../../ui/Field';
import { BITSEEK_ENDPOINT, BITSEEK_PROXY_ENDPOINT, isSimulatorEndpoint, SIMULATOR_ENDPOINT } from '../../api/endpoint';
import { normalizeTemperature, TEMPERATURE_MAX, TEMPERATURE_MIN } from '../../domain/normalize';
import { unconfirmedKeyOrigin, useSettingsStore } from '../../store/settingsStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { modelsQuery } from './modelsQuery';

const input = 'w-full rounded-md border border-line bg-surface-raised px-3 py-1.5 text-sm';

function EndpointCheck({ endpoint, apiKey }: { endpoint: string; apiKey: string }) {
  const models = useQuery(modelsQuery(endpoint, apiKey));
  let text = 'Checking the endpoint…';
  if (models.isSuccess) text = `Endpoint reachable${models.data.length ? ` — models: ${models.data.slice(0, 5).join(', ')}` : ''}.`;
  // Not every server lists models: a 404 here does not mean chat will fail.
  if (models.isError) text = `Endpoint check (GET /models): ${models.error.message}`;
  return (
    <p role="status" className="text-xs text-ink-muted">
      {text}
    </p>
  );
}

// The endpoint check is the app's only non-stream request: react-query lives with it,
// in this lazily loaded chunk, not in the first screen's JavaScript.
const queryClient = new QueryClient();

export default function SettingsDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SettingsForm {...props} />
    </QueryClientProvider>
  );
}

function SettingsForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const s = useSettingsStore();

  return (
    <Dialog open={open} title="Settings" onClose={onClose}>
      <div className="space-y-4">
        <Field
          label="Endpoint URL"
          hint={
            <>
              Base URL of an OpenAI-style API. Bitseek: <code>{BITSEEK_ENDPOINT}</code> (or <code>{BITSEEK_PROXY_ENDPOINT}</code> through this server
              when CORS blocks it). Local simulator: <code>{SIMULATOR_ENDPOINT}</code>.
            </>
          }
        >
          {(id, hintId) => (
            <input id={id} aria-describedby={hintId} className={input} type="text" inputMode="url" spellCheck={false} value={s.endpoint} onChange={(e) => s.update({ endpoint: e.target.value })} />
          )}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => s.update({ endpoint: BITSEEK_ENDPOINT })}>
            Use Bitseek
          </Button>
          <Button size="sm" onClick={() => s.update({ endpoint: SIMULATOR_ENDPOINT })}>
            Use local simulator
          </Button>
        </div>
        {open && <EndpointCheck endpoint={s.endpoint} apiKey={s.apiKey} />}
        <Field
          label="API key"
          hint={
            s.rememberKey
              ? 'Stored in this browser (localStorage) until you clear it.'
              : isSimulatorEndpoint(s.endpoint)
                ? 'Not needed for the local simulator. Kept in this tab only.'
                : 'Kept in this tab only: it is gone after a reload.'
          }
        >
          {(id, hintId) => (
            <input id={id} aria-describedby={hintId} className={input} type="password" autoComplete="off" spellCheck={false} value={s.apiKey} onChange={(e) => s.update({ apiKey: e.target.value })} />
          )}
        </Field>
        {unconfirmedKeyOrigin(s) && (
          <div role="alert" className="space-y-2 rounded-md border border-warn/40 bg-warn-surface px-3 py-2 text-xs text-warn">
            <p>
              The API key was entered for {s.keyOrigin || 'another endpoint'}; the Endpoint URL now points to {unconfirmedKeyOrigin(s)}. The key is not sent
              there until you allow it.
            </p>
            <Button size="sm" onClick={() => s.update({ keyOrigin: unconfirmedKeyOrigin(s)! })}>
              Allow sending the key to {unconfirmedKeyOrigin(s)}
            </Button>
          </div>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={s.rememberKey} onChange={(e) => s.update({ rememberKey: e.target.checked })} />
          Remember API key on this device
        </label>
        {/* A datalist would make this a combobox; the contract names it a textbox, so the
            endpoint check above lists the server's models instead. */}
        <Field label="Model" hint="Sent as `model`; Bitseek uses bitseek-auto.">
          {(id, hintId) => (
            <input id={id} aria-describedby={hintId} className={input} spellCheck={false} value={s.model} onChange={(e) => s.update({ model: e.target.value })} />
          )}
        </Field>
        <Field label="Temperature" hint="0 is focused, 2 is most varied. The server clamps to 0–2.">
          {(id, hintId) => (
            <div className="flex items-center gap-3">
              <input
                aria-label="Randomness slider"
                type="range"
                min={TEMPERATURE_MIN}
                max={TEMPERATURE_MAX}
                step={0.1}
                value={s.temperature}
                onChange={(e) => s.update({ temperature: Number(e.target.value) })}
                className="flex-1"
              />
              <input
                id={id}
                aria-describedby={hintId}
                className={input.replace("w-full", "w-24")}
                type="number"
                min={TEMPERATURE_MIN}
                max={TEMPERATURE_MAX}
                step={0.1}
                value={s.temperature}
                onChange={(e) => s.update({ temperature: e.target.value === '' ? s.temperature : Number(e.target.value) })}
                onBlur={(e) => s.update({ temperature: normalizeTemperature(e.target.value, s.temperature) })}
              />
            </div>
          )}
        </Field>
        <Field label="System prompt" hint="Sent first in every request of every conversation.">
          {(id, hintId) => (
            <textarea id={id} aria-describedby={hintId} className={input} rows={3} value={s.systemPrompt} onChange={(e) => s.update({ systemPrompt: e.target.value })} />
          )}
        </Field>
        <Field label="Response timeout (seconds)" hint="A reply that has not started by then fails with a message; what streams after it started is never cut.">
          {(id, hintId) => (
            <input
              id={id}
              aria-describedby={hintId}
              className={input.replace('w-full', 'w-24')}
              type="number"
              min={1}
              max={600}
              step={1}
              value={Math.round(s.firstByteTimeoutMs / 1000)}
              onChange={(e) => {
                const seconds = Number(e.target.value);
                if (Number.isFinite(seconds) && seconds >= 1) s.update({ firstByteTimeoutMs: Math.min(600, seconds) * 1000 });
              }}
            />
          )}
        </Field>
      </div>
    </Dialog>
  );
}
