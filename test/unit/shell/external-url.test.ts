import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExternalUrl, MAX_EXTERNAL_URL_LENGTH } from '../../../src-main/shell/external-url.js';

const refused = (raw: unknown): boolean => !checkExternalUrl(raw).ok;

describe('checkExternalUrl: which links may open in the system browser', () => {
  it('accepts plain http and https links and returns them normalised', () => {
    expect(checkExternalUrl('https://example.com/docs?q=1#top')).toEqual({ ok: true, url: 'https://example.com/docs?q=1#top' });
    expect(checkExternalUrl('HTTP://Example.COM')).toEqual({ ok: true, url: 'http://example.com/' });
    expect(checkExternalUrl('https://example.com/caf%C3%A9')).toMatchObject({ ok: true });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'app://devsim/index.html',
    'ftp://example.com/',
    'mailto:someone@example.com',
    'smb://server/share',
    'chrome://settings',
    'about:blank',
    '//example.com/x',
    '/relative/path',
    '',
  ])('refuses %s', (raw) => {
    expect(refused(raw)).toBe(true);
  });

  it('refuses credentials in the link, including the user@host disguise', () => {
    expect(checkExternalUrl('https://user:pass@example.com/')).toMatchObject({ ok: false, reason: expect.stringMatching(/user name or password/) });
    expect(refused('https://trusted.example.com@evil.example/')).toBe(true);
    expect(refused('https://:secret@example.com/')).toBe(true);
  });

  it('refuses Unicode and punycode host names that can imitate others', () => {
    expect(refused('https://аpple.com/')).toBe(true); // Cyrillic а
    expect(refused('https://xn--pple-43d.com/')).toBe(true);
    expect(refused('https://example.xn--p1ai/')).toBe(true);
  });

  it('refuses invisible, bidirectional and control characters anywhere in the link', () => {
    for (const trick of ['\u202e', '\u200b', '\u2066', '\u0000', '\n', '\t', ' ', '\u00a0', '\ufeff']) {
      expect(refused(`https://example.com/a${trick}b`), JSON.stringify(trick)).toBe(true);
    }
    expect(refused(' https://example.com/')).toBe(true);
  });

  it('refuses links that are too long or not strings', () => {
    expect(refused(`https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`)).toBe(true);
    expect(refused(undefined)).toBe(true);
    expect(refused({ toString: () => 'https://example.com/' })).toBe(true);
  });

  it('never throws, and whatever it accepts is http(s), credential-free, ASCII and within the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.anything()), (raw) => {
        const check = checkExternalUrl(raw);
        if (!check.ok) return;
        const url = new URL(check.url);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect(check.url.length).toBeLessThanOrEqual(MAX_EXTERNAL_URL_LENGTH);
        expect(/^[\x21-\x7e]+$/.test(check.url)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
