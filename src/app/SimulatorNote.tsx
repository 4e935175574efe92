import { BITSEEK_ENDPOINT, isSimulatorEndpoint } from '../api/endpoint';
import { useSettingsStore } from '../store/settingsStore';

/** Says plainly when replies come from the local simulator, and how to switch. */
export function SimulatorNote() {
  const simulator = useSettingsStore((s) => isSimulatorEndpoint(s.endpoint));
  if (!simulator) return null;
  return (
    <p className="border-b border-line bg-warn-surface px-4 py-1.5 text-center text-xs text-warn">
      You are chatting with the <strong>local Bitseek simulator</strong>: replies are made up on this machine, no key needed. To use Bitseek,
      open Settings and set Endpoint URL to <code className="font-mono">{BITSEEK_ENDPOINT}</code> and your API key.
    </p>
  );
}
