import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorizationFor, requireAuthorization } from './keyGate';

const grant = { endpoint: 'https://api.example.com/v1', apiKey: 'sk-secret-0123456789', keyOrigin: 'https://api.example.com' };

describe('the key gate', () => {
  it('gives the key to its own origin only', () => {
    expect(authorizationFor('https://api.example.com/v1/models', grant)).toEqual({
      headers: { authorization: 'Bearer sk-secret-0123456789' },
    });
    for (const url of [
      'https://api.example.co/v1/models',
      'http://api.example.com/v1/models',
      'https://api.example.com:8443/v1',
      'https://evil.example/?https://api.example.com',
      'not a url',
    ]) {
      const decision = authorizationFor(url, grant);
      expect(decision.headers).toEqual({});
      expect(decision.refused).toBeTruthy();
      expect(() => requireAuthorization(url, grant)).toThrow(/Not sent/);
    }
  });

  it('sends nothing without a key, and the simulator’s public key only to the simulator', () => {
    expect(authorizationFor('https://api.example.com/v1/models', { ...grant, apiKey: ' ' })).toEqual({ headers: {} });
    const sim = { endpoint: '/v1', apiKey: '', keyOrigin: '' };
    expect(authorizationFor('http://localhost/v1/chat/completions', sim).headers).toEqual({ authorization: 'Bearer local-simulator' });
    expect(authorizationFor('https://elsewhere.example/v1/chat/completions', sim).refused).toBe('https://elsewhere.example');
  });

  it('is the only source that writes an Authorization header', () => {
    const root = join(__dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const writers = files.filter((f) =>
      /authorization\s*[:=]|['"`]authorization['"`]\s*[:\]]|Bearer \$\{/i.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(writers.map((f) => relative(root, join(root, f)))).toEqual(['api/keyGate.ts']);
  });
});
