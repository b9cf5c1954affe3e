import { describe, expect, it } from 'vitest';
import { FALLBACK_CSP, headerCsp, metaCsp } from '../../../src-main/host/web-csp.js';
import { REAL_INDEX } from './web-fixture.js';

describe('Content-Security-Policy for browser mode', () => {
  it('reads the policy from the renderer index.html', () => {
    const policy = metaCsp(REAL_INDEX);
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy).toContain("script-src 'self'");
  });

  it("narrows ws://127.0.0.1:* to the host's own port and keeps every other directive", () => {
    const meta = "default-src 'none'; connect-src 'self' ws://127.0.0.1:*; frame-ancestors 'none'";
    expect(headerCsp(meta, 5173)).toBe("default-src 'none'; connect-src 'self' ws://127.0.0.1:5173; frame-ancestors 'none'");
  });

  it("adds frame-ancestors 'none' when the page has none (a meta policy cannot set it)", () => {
    expect(headerCsp("default-src 'self'", 1)).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it('falls back to a policy that allows nothing from elsewhere when the page has none', () => {
    expect(metaCsp('<html><head><meta charset="utf-8"></head></html>')).toBeUndefined();
    expect(headerCsp(undefined, 80)).toBe(FALLBACK_CSP);
    expect(FALLBACK_CSP).not.toMatch(/\*|unsafe|http:|ws:/);
  });
});
