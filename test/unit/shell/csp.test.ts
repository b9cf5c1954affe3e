import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, contentSecurityPolicy } from '../../../src-main/shell/csp.js';

const parse = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

const policy = parse(contentSecurityPolicy());

describe('the Content-Security-Policy header of app://', () => {
  it('allows no eval and no inline script', () => {
    for (const name of ['script-src', 'default-src', 'worker-src']) {
      const sources = policy.get(name) ?? [];
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-hashes'");
    }
    // WebAssembly compilation only (TensorFlow.js's wasm backend), never JavaScript eval.
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('names no remote host, wildcard or insecure scheme anywhere', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(/^'[a-z-]+'$/.test(source) || ['data:', 'blob:'].includes(source), `${name} ${source}`).toBe(true);
      }
    }
  });

  it('starts from nothing and forbids framing, plugins, base and form targets', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const name of ['frame-ancestors', 'object-src', 'base-uri', 'form-action', 'frame-src']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('is no looser than the renderer’s own meta CSP in any directive', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    const page = parse(meta!);
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) {
      const pageSources = page.get(name) ?? page.get('default-src') ?? [];
      for (const source of sources) {
        if (source === "'none'") continue;
        expect(pageSources, `${name} ${source}`).toContain(source);
      }
    }
  });
});
