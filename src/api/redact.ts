import type { ChatRequest } from './request';

/** "Bearer sk-abcdef…wxyz" → "Bearer ••••wxyz": enough to tell keys apart, never enough to use one. */
export function maskSecret(value: string): string {
  const match = /^(Bearer\s+)?(.*)$/i.exec(value.trim());
  const scheme = match?.[1] ?? '';
  const secret = match?.[2] ?? '';
  if (secret.startsWith('••••')) return value.trim(); // already masked
  return `${scheme}••••${secret.length >= 16 ? secret.slice(-4) : ''}`;
}

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization']);

/** The request as it may be shown, copied or saved: secrets masked. */
export function redactRequest(request: ChatRequest): ChatRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k] = SECRET_HEADERS.has(k.toLowerCase()) ? maskSecret(v) : v;
  return { ...request, headers };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A cURL command that repeats the request (the key masked: put yours back to run it). */
export function toCurl(request: ChatRequest): string {
  const safe = redactRequest(request);
  const lines = [`curl -N ${shellQuote(safe.url)}`];
  for (const [k, v] of Object.entries(safe.headers)) lines.push(`  -H ${shellQuote(`${k}: ${v}`)}`);
  lines.push(`  --data-raw ${shellQuote(JSON.stringify(safe.body))}`);
  return lines.join(' \\\n');
}
