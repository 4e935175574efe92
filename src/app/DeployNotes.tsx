import { say } from '../i18n';
import { useT } from '../i18n/useT';
import { useDeployStore } from '../store/deployStore';

/** The deployer's note from config.json, and what of config.json was not used (also in the console). */
export function DeployNotes() {
  const t = useT();
  const note = useDeployStore((s) => s.config.note);
  const problems = useDeployStore((s) => s.problems);
  return (
    <>
      {note && (
        <p role="note" className="border-b border-line bg-surface-sunken px-4 py-1.5 text-center text-xs text-ink-muted">
          {note}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="border-b border-danger/40 bg-danger-surface px-4 py-1.5 text-xs text-danger">
          <p>{t.connect.configProblems}</p>
          <ul className="list-disc pl-5">
            {problems.map((problem, i) => (
              <li key={i}>{say(t, problem)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
