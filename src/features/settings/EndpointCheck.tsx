import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { authorizationFor, type KeyGrant } from '../../api';
import { sayError } from '../../i18n';
import { useT } from '../../i18n/useT';
import { modelsQuery } from './modelsQuery';

/** The endpoint check's result: the models it lists, or what failed. */
export function EndpointCheck({ url, grant }: { url: string; grant: KeyGrant }) {
  const all = useT();
  const t = all.settings;
  const models = useQuery(modelsQuery(url, grant));
  let text = t.checking;
  if (models.isSuccess) text = models.data.length ? t.reachableModels(models.data.slice(0, 5).join(', ')) : t.reachable;
  // Not every server lists models: a 404 here does not mean chat will fail.
  if (models.isError) text = t.checkFailed(sayError(all, models.error));
  if (authorizationFor(url, grant).refused !== undefined) text += ` ${t.checkedWithoutKey}`;
  return (
    <p role="status" className="text-xs text-ink-muted">
      {text}
    </p>
  );
}

// The endpoint check is the app's only non-stream request: react-query lives with it,
// in the lazily loaded settings chunk, not in the first screen's JavaScript.
const queryClient = new QueryClient();

/** Where endpoint checks can run. */
export const WithChecks = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
);
