import { queryOptions } from '@tanstack/react-query';
import { authorizationFor, fetchModels, type KeyGrant, modelsUrl } from '../../api';

/** The models URL of an endpoint, or undefined while it is not one (half typed, say). */
export function checkableModelsUrl(endpoint: string): string | undefined {
  try {
    return modelsUrl(endpoint);
  } catch {
    return undefined;
  }
}

/**
 * The endpoint check: GET {base}/models (see fetchModels); its ids are listed under the
 * endpoint, and offered in the header's model picker.
 */
export function modelsQuery(url: string, grant: KeyGrant) {
  const { headers } = authorizationFor(url, grant);
  return queryOptions({
    // the key itself never goes into a query key (devtools, logs); whether it is sent does
    queryKey: ['models', url, headers.authorization ? `key:${grant.apiKey.length}:${grant.apiKey.slice(-4)}` : 'no-key'],
    queryFn: ({ signal }) => fetchModels(url, grant, signal),
    retry: false,
    staleTime: 60_000,
  });
}
