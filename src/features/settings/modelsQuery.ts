import { queryOptions } from '@tanstack/react-query';
import { authorizationFor, ChatError, httpError, isRedirect, type KeyGrant, modelsUrl, networkError, textAtMost } from '../../api';
import { said } from '../../i18n';

/** Enough for any real list of models; a hostile server's endless body is not read past it. */
const MODELS_BYTES = 1024 * 1024;

/** The models URL of an endpoint, or undefined while it is not one (half typed, say). */
export function checkableModelsUrl(endpoint: string): string | undefined {
  try {
    return modelsUrl(endpoint);
  } catch {
    return undefined;
  }
}

/**
 * The endpoint check: GET {base}/models; its ids feed the Model field. The key goes with
 * it only to the key's own origin (the gate decides); elsewhere the check goes without it.
 */
export function modelsQuery(url: string, grant: KeyGrant) {
  const { headers } = authorizationFor(url, grant);
  return queryOptions({
    // the key itself never goes into a query key (devtools, logs); whether it is sent does
    queryKey: ['models', url, headers.authorization ? `key:${grant.apiKey.length}:${grant.apiKey.slice(-4)}` : 'no-key'],
    async queryFn({ signal }) {
      let response: Response;
      try {
        response = await fetch(url, { headers, signal, redirect: 'manual' });
      } catch (error) {
        throw networkError(error, 'request');
      }
      if (isRedirect(response)) throw new ChatError('http', said('redirected'));
      if (!response.ok) throw await httpError(response);
      const text = await textAtMost(response, MODELS_BYTES);
      let body: { data?: { id?: unknown }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        // A web page, a static host's index.html: something answers, but not an OpenAI-style API.
        throw new ChatError('protocol', said('notOpenAiApi', text.replace(/\s+/g, ' ').trim().slice(0, 80)));
      }
      return (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
    },
    retry: false,
    staleTime: 60_000,
  });
}
