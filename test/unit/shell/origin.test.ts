import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, devRendererUrl, isTrustedOrigin } from '../../../src-main/shell/origin.js';

describe('isTrustedOrigin: which frames may call main', () => {
  it('trusts the app scheme and nothing else when packaged', () => {
    expect(APP_ORIGIN).toBe('app://devsim');
    expect(isTrustedOrigin(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedOrigin('app://devsim/assets/index-abc.js')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'app://devsim.evil/index.html',
      'app://user:pw@devsim/index.html',
      'app://devsim:8080/index.html',
      'http://localhost:5173/',
      'https://example.com/',
      'file:///index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/',
      'data:text/html,hi',
      '',
      'not a url',
    ]) {
      expect(isTrustedOrigin(url), url).toBe(false);
    }
    expect(isTrustedOrigin(undefined)).toBe(false);
    expect(isTrustedOrigin(null)).toBe(false);
  });

  it('in development trusts exactly the dev server origin', () => {
    const devUrl = 'http://localhost:5173/';
    expect(isTrustedOrigin('http://localhost:5173/index.html', { devUrl })).toBe(true);
    expect(isTrustedOrigin(APP_ENTRY_URL, { devUrl })).toBe(true);
    expect(isTrustedOrigin('http://localhost:5174/', { devUrl })).toBe(false);
    expect(isTrustedOrigin('https://localhost:5173/', { devUrl })).toBe(false);
    expect(isTrustedOrigin('http://127.0.0.1:5173/', { devUrl })).toBe(false);
    expect(isTrustedOrigin('http://localhost.evil.com:5173/', { devUrl })).toBe(false);
    expect(isTrustedOrigin('ws://localhost:5173/', { devUrl })).toBe(false);
  });
});

describe('devRendererUrl: when ELECTRON_RENDERER_URL may be used', () => {
  it('takes a loopback http(s) server only, and never in a packaged app', () => {
    expect(devRendererUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devRendererUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devRendererUrl('http://[::1]:5173/', false)).toBe('http://[::1]:5173/');
    expect(devRendererUrl('http://localhost:5173', true)).toBeUndefined();
    expect(devRendererUrl('http://example.com:5173', false)).toBeUndefined();
    expect(devRendererUrl('http://0.0.0.0:5173', false)).toBeUndefined();
    expect(devRendererUrl('file:///tmp/index.html', false)).toBeUndefined();
    expect(devRendererUrl('http://a:b@localhost:5173', false)).toBeUndefined();
    expect(devRendererUrl('garbage', false)).toBeUndefined();
    expect(devRendererUrl(undefined, false)).toBeUndefined();
  });
});
