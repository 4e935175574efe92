import { said } from '../i18n';
import { ChatError, httpError, isRedirect, networkError, textAtMost } from './errors';
import { authorizationFor, type KeyGrant } from './keyGate';

/** Enough for any real list of models; a hostile server's endless body is not read past it. */
const MODELS_BYTES = 1024 * 1024;

/**
 * GET {base}/models: the model ids an OpenAI-style endpoint lists. It costs no tokens; the
 * key goes with it only to the key's own origin (the gate decides), elsewhere it goes without.
 */
export async function fetchModels(url: string, grant: KeyGrant, signal?: AbortSignal): Promise<string[]> {
  const { headers } = authorizationFor(url, grant);
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: 'manual', ...(signal && { signal }) });
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
}
