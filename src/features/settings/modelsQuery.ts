import { queryOptions } from '@tanstack/react-query';
import { effectiveApiKey, modelsUrl } from '../../api/endpoint';
import { httpError, networkError } from '../../api/errors';

/** The endpoint check: GET {base}/models with the key; its ids feed the Model field. */
export function modelsQuery(endpoint: string, apiKey: string) {
  const key = effectiveApiKey(endpoint, apiKey);
  return queryOptions({
    // the key itself never goes into a query key (devtools, logs); whether one is set does
    queryKey: ['models', endpoint, key ? `key:${key.length}:${key.slice(-4)}` : 'no-key'],
    async queryFn({ signal }) {
      let response: Response;
      try {
        response = await fetch(modelsUrl(endpoint), { headers: key ? { authorization: `Bearer ${key}` } : {}, signal });
      } catch (error) {
        throw networkError(error, false);
      }
      if (!response.ok) throw await httpError(response);
      const body = (await response.json()) as { data?: { id?: unknown }[] };
      return (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
    },
    retry: false,
    staleTime: 60_000,
  });
}
