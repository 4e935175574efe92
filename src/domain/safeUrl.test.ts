import { describe, expect, it } from 'vitest';
import { httpUrl, safeLinkUrl } from './safeUrl';

describe('safe URLs', () => {
  it.each([
    ['https://example.com/a?b#c', 'https://example.com/a?b#c'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:a@example.com', 'mailto:a@example.com'],
    ['javascript:alert(1)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    [' javascript:alert(1)', ''],
    ['data:text/html,<script>alert(1)</script>', ''],
    ['vbscript:msgbox', ''],
    ['/c/other', ''],
    ['#top', ''],
    ['file:///etc/passwd', ''],
  ])('link %j → %j', (input, output) => expect(safeLinkUrl(input)).toBe(output));

  it('loads images only over http(s)', () => {
    expect(httpUrl('https://img.example.com/x.png')).toBe('https://img.example.com/x.png');
    expect(httpUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBe('');
    expect(httpUrl('mailto:a@b')).toBe('');
  });
});
