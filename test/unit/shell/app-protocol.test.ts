import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, isInside, resolveAppRequest } from '../../../src-main/shell/app-protocol.js';
import { contentSecurityPolicy } from '../../../src-main/shell/csp.js';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppRequest: app://devsim/ serves the built renderer and nothing else', () => {
  it('maps the root to index.html and assets to files with their content types', () => {
    expect(resolveAppRequest('app://devsim/', root)).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://devsim/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://devsim/tfjs/backend.wasm', root)).toMatchObject({ ok: true, contentType: 'application/wasm' });
    expect(resolveAppRequest('app://devsim/blob.unknownext', root)).toMatchObject({ ok: true, contentType: 'application/octet-stream' });
    expect(resolveAppRequest('app://devsim/a%20b.css', root)).toMatchObject({ ok: true, file: join(root, 'a b.css') });
  });

  it.each([
    'app://devsim/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
    'app://devsim/assets/..%2F..%2Fpackage.json',
    'app://devsim/C:%2FWindows%2Fwin.ini',
    'app://devsim/assets/..%5C..%5Cpackage.json',
    'app://devsim/a%00.js',
    'app://devsim/%E0%A4%A',
    'app://other/index.html',
    'https://devsim/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    const result = resolveAppRequest(url, root);
    expect(result.ok).toBe(false);
  });

  it('keeps dot segments the URL parser removes inside the folder', () => {
    for (const url of ['app://devsim/../main/index.js', 'app://devsim/%2e%2e/main/index.js', 'app://devsim/a/../../../main/index.js']) {
      expect(resolveAppRequest(url, root), url).toMatchObject({ ok: true, file: join(root, 'main', 'index.js') });
    }
  });

  it('never resolves outside the renderer folder, for any path', () => {
    const segments = ['..', '.', '%2e%2e', '%2f', '%5c', 'a', 'index.html', '', '%00', '..%2f', '~', 'C:'];
    for (const a of segments) for (const b of segments) for (const c of segments) {
      const result = resolveAppRequest(`app://devsim/${a}/${b}/${c}`, root);
      if (result.ok) expect(isInside(root, result.file), `${a}/${b}/${c}`).toBe(true);
    }
  });

  it('sends the CSP, nosniff and isolation headers with every file', () => {
    expect(appResponseHeaders('text/html; charset=utf-8')).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
});
