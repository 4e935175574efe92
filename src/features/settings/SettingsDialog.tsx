import { Field } from '../../ui/Field';
import {
  BITSEEK_ENDPOINT,
  BITSEEK_PROXY_ENDPOINT,
  DEFAULT_MODEL,
  isSimulatorEndpoint,
  SIMULATOR_ENDPOINT,
  withoutCredentials,
} from '../../api';
import { normalizeTemperature, TEMPERATURE_MAX, TEMPERATURE_MIN } from '../../domain/normalize';
import { useDeployStore } from '../../store/deployStore';
import { unconfirmedKeyOrigin, useSettingsStore } from '../../store/settingsStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ApiKeyField, EndpointField, INPUT as input } from './ConnectionFields';
import { EndpointCheck, WithChecks } from './EndpointCheck';
import { checkableModelsUrl } from './modelsQuery';
import { useSettled } from './useSettled';
import { AppearanceFields } from './AppearanceFields';
import { useT } from '../../i18n/useT';
import { Template } from '../../ui/Template';

/** How long the Endpoint URL must rest before it is checked (leaving the field checks at once). */
const CHECK_AFTER_MS = 500;

export default function SettingsDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <WithChecks>
      <SettingsForm {...props} />
    </WithChecks>
  );
}

interface NumberFieldProps {
  label: string;
  hint: string;
  max: number;
  value: number;
  /** Which typed numbers count (a whole number, or any); those under 1 never do. */
  accept: (n: number) => boolean;
  /** A number it accepts, at most `max`. */
  onValue: (n: number) => void;
}

/** A number from 1 to `max`, in a narrow box: what is typed is taken only when it is one. */
function NumberField({ label, hint, max, value, accept, onValue }: NumberFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <input
          id={id}
          aria-describedby={hintId}
          className={input.replace('w-full', 'w-24')}
          type="number"
          min={1}
          max={max}
          step={1}
          value={value}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (accept(n) && n >= 1) onValue(Math.min(max, n));
          }}
        />
      )}
    </Field>
  );
}

function SettingsForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const s = useSettingsStore();
  const tAll = useT();
  const t = tAll.settings;
  const keyTarget = unconfirmedKeyOrigin(s);
  const [checkedEndpoint, settleEndpoint] = useSettled(s.endpoint, CHECK_AFTER_MS);
  const checkUrl = checkableModelsUrl(checkedEndpoint);
  const hasCredentials = withoutCredentials(s.endpoint) !== s.endpoint;
  // The deployer's models (config.json), one click each.
  const models = useDeployStore((d) => d.config.models);

  return (
    <Dialog open={open} title={t.title} onClose={onClose}>
      <div className="space-y-4">
        <AppearanceFields className={input} />
        <EndpointField
          value={s.endpoint}
          onChange={(endpoint) => s.update({ endpoint })}
          onBlur={settleEndpoint}
          hint={
            <Template
              text={t.endpointHint}
              slots={{
                bitseek: <code>{BITSEEK_ENDPOINT}</code>,
                proxy: <code>{BITSEEK_PROXY_ENDPOINT}</code>,
                simulator: <code>{SIMULATOR_ENDPOINT}</code>,
              }}
            />
          }
        />
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => s.update({ endpoint: BITSEEK_ENDPOINT })}>
            {t.useBitseek}
          </Button>
          <Button size="sm" onClick={() => s.update({ endpoint: SIMULATOR_ENDPOINT })}>
            {t.useSimulator}
          </Button>
        </div>
        {open && checkUrl && !hasCredentials && <EndpointCheck url={checkUrl} grant={s} />}
        <ApiKeyField
          value={s.apiKey}
          onChange={(apiKey) => s.update({ apiKey })}
          hint={s.rememberKey ? t.keyStored : isSimulatorEndpoint(s.endpoint) ? t.keyNotNeeded : t.keyTabOnly}
        />
        {keyTarget && (
          <div role="alert" className="space-y-2 rounded-md border border-warn/40 bg-warn-surface px-3 py-2 text-xs text-warn">
            <p>{t.keyElsewhere(s.keyOrigin || t.anotherEndpoint, keyTarget)}</p>
            <Button size="sm" onClick={() => s.update({ keyOrigin: keyTarget })}>
              {t.allowKey(keyTarget)}
            </Button>
          </div>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={s.rememberKey} onChange={(e) => s.update({ rememberKey: e.target.checked })} />
          {t.rememberKey}
        </label>
        {/* A datalist would make this a combobox; the contract names it a textbox, so the
            endpoint check above lists the server's models instead. */}
        <Field
          label={t.model}
          hint={<Template text={t.modelHint} slots={{ field: <code>model</code>, model: <code>{DEFAULT_MODEL}</code> }} />}
        >
          {(id, hintId) => (
            <input
              id={id}
              aria-describedby={hintId}
              className={input}
              spellCheck={false}
              value={s.model}
              onChange={(e) => s.update({ model: e.target.value })}
            />
          )}
        </Field>
        {models && (
          <div className="flex flex-wrap gap-1">
            {models.map((model) => (
              <Button key={model} size="sm" aria-pressed={s.model === model} onClick={() => s.update({ model })}>
                {model}
              </Button>
            ))}
          </div>
        )}
        <Field label={t.temperature} hint={t.temperatureHint}>
          {(id, hintId) => (
            <div className="flex items-center gap-3">
              <input
                aria-label={t.temperatureSlider}
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
                className={input.replace('w-full', 'w-24')}
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
        <Field label={t.systemPrompt} hint={t.systemPromptHint}>
          {(id, hintId) => (
            <textarea
              id={id}
              aria-describedby={hintId}
              className={input}
              rows={3}
              value={s.systemPrompt}
              onChange={(e) => s.update({ systemPrompt: e.target.value })}
            />
          )}
        </Field>
        <NumberField
          label={t.timeout}
          hint={t.timeoutHint}
          max={600}
          value={Math.round(s.firstByteTimeoutMs / 1000)}
          accept={Number.isFinite}
          onValue={(seconds) => s.update({ firstByteTimeoutMs: seconds * 1000 })}
        />
        <NumberField
          label={tAll.mcp.maxRounds}
          hint={tAll.mcp.maxRoundsHint}
          max={100}
          value={s.maxToolRounds}
          accept={Number.isInteger}
          onValue={(rounds) => s.update({ maxToolRounds: rounds })}
        />
      </div>
    </Dialog>
  );
}
