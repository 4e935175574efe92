import { Component, type ReactNode } from 'react';
import { en } from '../i18n';
import { useT } from '../i18n/useT';
import { Button } from './Button';

interface Props {
  /** What shows instead, given the error and a way to try rendering again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** A change of this value (the record rendered, say) tries again. */
  resetKey?: unknown;
  children: ReactNode;
}

/** One record or view that cannot render shows as broken; the rest of the app goes on. */
export class ErrorBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render(): ReactNode {
    const { error } = this.state;
    return error ? this.props.fallback(error, () => this.setState({ error: undefined })) : this.props.children;
  }
}

/** A region of the app that failed to render: says so, and offers to try again. */
function BrokenView({ error, retry }: { error: Error; retry: () => void }) {
  // In English if the words themselves are what broke: this must render whatever failed.
  const t = useT()?.ui ?? en.ui;
  return (
    <div role="alert" className="m-4 space-y-2 rounded-md border border-danger/40 bg-danger-surface px-3 py-2 text-sm text-danger">
      <p>{t.brokenView(error.message)}</p>
      <Button size="sm" onClick={retry}>
        {t.tryAgain}
      </Button>
    </div>
  );
}

/** A view wrapped so that its failure is its own. */
export function Guarded({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error, retry) => <BrokenView error={error} retry={retry} />}>{children}</ErrorBoundary>;
}
