import { describe, expect, it } from 'vitest';
import { maskSecret, redactRequest, toCurl } from './redact';
import type { ChatRequest } from './request';

const request: ChatRequest = {
  url: 'https://chat-proxy.bitseek.ai/v1/chat/completions',
  headers: { 'content-type': 'application/json', authorization: 'Bearer sk-live-1234567890abcdef', 'x-conversation-id': 'conv-1' },
  body: { model: 'bitseek-auto', stream: true, temperature: 0.7, messages: [{ role: 'user', content: "it's" }] },
};

describe('redaction', () => {
  it('masks keys, keeping the last four characters of long ones', () => {
    expect(maskSecret('Bearer sk-live-1234567890abcdef')).toBe('Bearer ••••cdef');
    expect(maskSecret('Bearer short')).toBe('Bearer ••••');
    expect(maskSecret(maskSecret('Bearer sk-live-1234567890abcdef'))).toBe('Bearer ••••cdef');
    expect(redactRequest(request).headers.authorization).toBe('Bearer ••••cdef');
    expect(request.headers.authorization).toBe('Bearer sk-live-1234567890abcdef');
  });

  it('copies as cURL with the key masked and quotes escaped', () => {
    const curl = toCurl(request);
    expect(curl).not.toContain('sk-live-1234567890abcdef');
    expect(curl).toContain("-H 'authorization: Bearer ••••cdef'");
    expect(curl).toContain(
      `--data-raw '{"model":"bitseek-auto","stream":true,"temperature":0.7,"messages":[{"role":"user","content":"it'\\''s"}]}'`,
    );
  });
});
