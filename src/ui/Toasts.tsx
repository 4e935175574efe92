import { Button } from './Button';
import { useToastStore } from './toastStore';
import { useT } from '../i18n/useT';

export function Toasts() {
  const t = useT();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div
      role="status"
      aria-label={t.app.notifications}
      aria-live="polite"
      className="pointer-events-none fixed bottom-20 left-1/2 z-30 flex -translate-x-1/2 flex-col items-center gap-2"
    >
      {toasts.map((t) => (
        <div key={t.id} className="pointer-events-auto flex items-center gap-3 rounded-lg bg-ink px-4 py-2 text-sm text-surface shadow-lg">
          <span>{t.text}</span>
          {t.action && (
            <Button
              size="sm"
              variant="ghost"
              className="text-surface underline hover:bg-surface/10 hover:text-surface"
              onClick={() => {
                t.action!.run();
                dismiss(t.id);
              }}
            >
              {t.action.label}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
