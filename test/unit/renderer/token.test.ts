import { describe, expect, it } from 'vitest';
import { TOKEN_KEY, socketUrl, takeToken } from '../../../src-renderer/src/api/token.js';

function place(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[TOKEN_KEY, stored]]);
  let cleared = 0;
  return {
    place: {
      hash,
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      clearHash: () => void cleared++,
    },
    storage,
    cleared: () => cleared,
  };
}

describe('takeToken', () => {
  it('takes the token from the URL fragment, keeps it for reloads and hides it from the URL', () => {
    const p = place('#token=abc-_123');
    expect(takeToken(p.place)).toBe('abc-_123');
    expect(p.storage.get(TOKEN_KEY)).toBe('abc-_123');
    expect(p.cleared()).toBe(1);
  });

  it('prefers a new token in the URL over the one kept from an earlier start', () => {
    const p = place('#token=new', 'old');
    expect(takeToken(p.place)).toBe('new');
    expect(p.storage.get(TOKEN_KEY)).toBe('new');
  });

  it('falls back to the kept token after a reload, leaving the URL alone', () => {
    const p = place('', 'kept');
    expect(takeToken(p.place)).toBe('kept');
    expect(p.cleared()).toBe(0);
  });

  it('returns null when there is none anywhere', () => {
    expect(takeToken(place('').place)).toBeNull();
    expect(takeToken(place('#token=').place)).toBeNull();
    expect(takeToken(place('#other=1').place)).toBeNull();
  });

  it('decodes a percent-encoded token', () => {
    expect(takeToken(place('#token=a%2Bb').place)).toBe('a+b');
  });
});

describe('socketUrl', () => {
  it('points at /ws on the page host with the token encoded', () => {
    expect(socketUrl('127.0.0.1:4100', 'a+b/c')).toBe('ws://127.0.0.1:4100/ws?token=a%2Bb%2Fc');
  });
});
