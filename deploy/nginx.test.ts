import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../vite.config.ts';

describe('deploy/nginx.conf', () => {
  const conf = readFileSync(new URL('./nginx.conf', import.meta.url), 'utf8');
  it('sends every header the dev and preview servers send, with the same values', () => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(conf).toContain(`add_header ${name} "${value}" always;`);
    }
  });
});
