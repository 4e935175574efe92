// The one place the API key becomes a request header. Every request that can carry the
// key (the chat stream, the endpoint check, anything later) asks here, and the key goes
// only to the origin it was typed or confirmed for. A unit test fails if any other
// source file writes an Authorization header.
import { said } from '../i18n';
import { defaultOrigin, effectiveApiKey, isSimulatorEndpoint } from './endpoint';
import { ChatError } from './errors';

export interface KeyGrant {
  endpoint: string;
  apiKey: string;
  /** The origin the key was entered or confirmed for. */
  keyOrigin: string;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * The Authorization header for a request to `url`, or none: none when there is no key,
 * and none when `url` is not on the key's origin (`refused` then names that origin).
 */
export function authorizationFor(url: string, grant: KeyGrant): { headers: Record<string, string>; refused?: string } {
  const key = effectiveApiKey(grant.endpoint, grant.apiKey);
  if (!key) return { headers: {} };
  const origin = originOf(url);
  // The simulator's public key opens only the same-origin simulator: it is no secret.
  const allowed = grant.apiKey.trim()
    ? origin !== '' && origin === grant.keyOrigin
    : isSimulatorEndpoint(grant.endpoint) && origin === defaultOrigin();
  if (!allowed) return { headers: {}, refused: origin || url };
  return { headers: { authorization: `Bearer ${key}` } };
}

/** As authorizationFor, for a request that must not go without the key: refused is an error. */
export function requireAuthorization(url: string, grant: KeyGrant): Record<string, string> {
  const { headers, refused } = authorizationFor(url, grant);
  if (refused !== undefined) throw new ChatError('config', said('keyOrigin', grant.keyOrigin, refused));
  return headers;
}
