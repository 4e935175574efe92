import { BITSEEK_ENDPOINT } from '../api';
import { useT } from '../i18n/useT';
import { useSimulatorHere } from '../store/deployStore';
import { Template } from '../ui/Template';

/** Says plainly when replies come from the local simulator (it said so: see deployStore), and how to switch. */
export function SimulatorNote() {
  const simulator = useSimulatorHere();
  const t = useT();
  if (!simulator) return null;
  return (
    <p className="border-b border-line bg-warn-surface px-4 py-1.5 text-center text-xs text-warn">
      <Template
        text={t.app.simulatorNote}
        slots={{ sim: <strong>{t.app.simulatorName}</strong>, url: <code className="font-mono">{BITSEEK_ENDPOINT}</code> }}
      />
    </p>
  );
}
