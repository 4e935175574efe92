import { said } from '../i18n';
import { ChatError } from './errors';

/** The embedded simulator, same origin as the app (mounted by vite.config.ts). */
export const SIMULATOR_ENDPOINT = '/v1';
/** Any bearer token opens the simulator; this one is sent when no key is set for it. */
const SIMULATOR_KEY = 'local-simulator';
export const BITSEEK_ENDPOINT = 'https://chat-proxy.bitseek.ai/v1';
/** The dev and preview servers' streaming proxy to BITSEEK_ENDPOINT, for when CORS blocks it. */
export const BITSEEK_PROXY_ENDPOINT = '/bitseek/v1';

const COMPLETIONS_SUFFIX = '/chat/completions';

function baseOf(endpoint: string): string {
  let base = endpoint.trim().replace(/\/+$/, '');
  if (base.endsWith(COMPLETIONS_SUFFIX)) base = base.slice(0, -COMPLETIONS_SUFFIX.length);
  return base;
}

/**
 * `https://user:pass@host/…` → `https://host/…`: what an endpoint may be shown, stored or
 * sent as. Read as the URL parser reads it: the authority follows `//` or `\\` (tabs and
 * newlines dropped), runs to the next `/`, `\`, `?` or `#`, and its last `@` ends the
 * credentials (a password may hold an `@`). Unchanged when there are none.
 */
export function withoutCredentials(url: string): string {
  const text = url.replace(/[\t\n\r]/g, '');
  const slashes = text.search(/[\\/]{2}/);
  if (slashes < 0) return url;
  const from = slashes + 2;
  const rest = text.slice(from);
  const end = rest.search(/[\\/?#]/);
  const at = (end < 0 ? rest : rest.slice(0, end)).lastIndexOf('@');
  return at < 0 ? url : text.slice(0, from) + rest.slice(at + 1);
}

/** The URL of `suffix` under the endpoint's base: http(s) only, never with a user name or password in it. */
function apiUrl(endpoint: string, suffix: string, origin: string): string {
  const base = baseOf(endpoint);
  if (!base) throw new ChatError('config', said('endpointEmpty'));
  let url: URL;
  try {
    url = new URL(`${base}${suffix}`, origin);
  } catch {
    throw new ChatError('config', said('endpointInvalid', withoutCredentials(endpoint.trim()), BITSEEK_ENDPOINT));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChatError('config', said('endpointProtocol', url.protocol));
  }
  // The browser would send them to every redirect and they would end up in errors and exports.
  if (url.username || url.password) throw new ChatError('config', said('endpointCredentials'));
  return url.href;
}

/** A base URL (`…/v1`) or a full `…/chat/completions` URL → the completions URL. */
export function chatCompletionsUrl(endpoint: string, origin = defaultOrigin()): string {
  return apiUrl(endpoint, COMPLETIONS_SUFFIX, origin);
}

export function modelsUrl(endpoint: string, origin = defaultOrigin()): string {
  return apiUrl(endpoint, '/models', origin);
}

/** Where the local simulator says what it is (see domain/simulator.ts). */
export function simulatorUrl(endpoint: string, origin = defaultOrigin()): string {
  return apiUrl(endpoint, '/simulator', origin);
}

export function isSimulatorEndpoint(endpoint: string): boolean {
  return baseOf(endpoint) === SIMULATOR_ENDPOINT;
}

export function isBitseekEndpoint(endpoint: string): boolean {
  return baseOf(endpoint) === BITSEEK_ENDPOINT;
}

/** The key to send: the person's, or the simulator's public one for the simulator. */
export function effectiveApiKey(endpoint: string, apiKey: string): string {
  const key = apiKey.trim();
  if (key) return key;
  return isSimulatorEndpoint(endpoint) ? SIMULATOR_KEY : '';
}

/** The page's origin, against which relative endpoints are read. */
export function defaultOrigin(): string {
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
