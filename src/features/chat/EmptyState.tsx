import { useSettingsStore } from '../../store/settingsStore';
import { isSimulatorEndpoint } from '../../api/endpoint';

export function EmptyState() {
  const simulator = useSettingsStore((s) => isSimulatorEndpoint(s.endpoint));
  return (
    <div className="mx-auto mt-[12vh] max-w-md text-center text-ink-muted">
      <h2 className="text-xl font-semibold text-ink">Chat with Bitseek</h2>
      <p className="mt-2 text-sm">
        Replies stream in as they are written. Every conversation has an id that Bitseek uses to keep it on the server.
      </p>
      <ul className="mt-4 space-y-1 text-left text-sm">
        <li>• Ask anything, e.g. “Explain server-sent events with a table”.</li>
        <li>• Try “echo: **bold** and `code`” to see markdown rendered exactly as sent.</li>
        <li>• Press Escape to stop a reply; failed replies keep what arrived and offer Retry.</li>
        {simulator && <li>• You are on the local simulator: no key needed, nothing leaves this machine.</li>}
      </ul>
    </div>
  );
}
