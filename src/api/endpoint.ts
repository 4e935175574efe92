import { said } from '../i18n';
import { ChatError } from './errors';

/** The embedded simulator, same origin as the app (mounted by vite.config.ts). */
export const SIMULATOR_ENDPOINT = '/v1';
/** Any bearer token opens the simulator; this one is sent when no key is set for it. */
export const SIMULATOR_KEY = 'local-simulator';
export const BITSEEK_ENDPOINT = 'https://chat-proxy.bitseek.ai/v1';
/** The dev and preview servers' streaming proxy to BITSEEK_ENDPOINT, for when CORS blocks it. */
export const BITSEEK_PROXY_ENDPOINT = '/bitseek/v1';

const COMPLETIONS_SUFFIX = '/chat/completions';

function baseOf(endpoint: string): string {
  let base = endpoint.trim().replace(/\/+$/, '');
  if (base.endsWith(COMPLETIONS_SUFFIX)) base = base.slice(0, -COMPLETIONS_SUFFIX.length);
  return base;
}

function absolute(url: string, origin: string): URL {
  try {
    return new URL(url, origin);
  } catch {
    throw new ChatError('config', said('endpointInvalid', url, BITSEEK_ENDPOINT));
  }
}

/** A base URL (`…/v1`) or a full `…/chat/completions` URL → the completions URL. */
export function chatCompletionsUrl(endpoint: string, origin = defaultOrigin()): string {
  const base = baseOf(endpoint);
  if (!base) throw new ChatError('config', said('endpointEmpty'));
  const url = absolute(`${base}${COMPLETIONS_SUFFIX}`, origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChatError('config', said('endpointProtocol', url.protocol));
  }
  return url.href;
}

export function modelsUrl(endpoint: string, origin = defaultOrigin()): string {
  return absolute(`${baseOf(endpoint)}/models`, origin).href;
}

export function isSimulatorEndpoint(endpoint: string): boolean {
  return baseOf(endpoint) === SIMULATOR_ENDPOINT;
}

/** The key to send: the person's, or the simulator's public one for the simulator. */
export function effectiveApiKey(endpoint: string, apiKey: string): string {
  const key = apiKey.trim();
  if (key) return key;
  return isSimulatorEndpoint(endpoint) ? SIMULATOR_KEY : '';
}

function defaultOrigin(): string {
  return typeof location !== 'undefined' ? location.origin : 'http://localhost';
}

/** The origin requests to this endpoint go to ('' when the URL cannot be read). */
export function endpointOrigin(endpoint: string, origin = defaultOrigin()): string {
  try {
    return new URL(chatCompletionsUrl(endpoint, origin)).origin;
  } catch {
    return '';
  }
}
