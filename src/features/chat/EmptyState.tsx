import { useSimulatorHere } from '../../store/deployStore';
import { useT } from '../../i18n/useT';

/** What the app does and what to try, until the first message. */
export function EmptyState() {
  const simulator = useSimulatorHere();
  const t = useT().empty;
  const tips = [t.tryAsk, t.tryEcho, t.trySearch, t.tryResume, t.tryKeys, ...(simulator ? [t.simulator] : [])];
  return (
    <div className="mx-auto mt-[10vh] max-w-md text-center text-ink-muted">
      <h2 className="text-xl font-semibold text-ink">{t.title}</h2>
      <p className="mt-2 text-sm">{t.intro}</p>
      <ul className="mt-4 space-y-1.5 text-left text-sm">
        {tips.map((tip) => (
          <li key={tip} className="flex gap-2">
            <span aria-hidden="true" className="text-accent">
              •
            </span>
            <span>{tip}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
