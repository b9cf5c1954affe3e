/** Where the browser-mode token lives between reloads of the same tab. */
export const TOKEN_KEY = 'devsim.token';

export interface TokenPlace {
  /** location.hash, e.g. "#token=abc". */
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Drops the hash from the visible URL (history.replaceState). */
  clearHash(): void;
}

/**
 * The token from the URL the host printed (`#token=…`), else the one this tab kept.
 * A token in the URL wins and is moved to sessionStorage, out of sight and history.
 */
export function takeToken(place: TokenPlace): string | null {
  const fromHash = new URLSearchParams(place.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    place.storage.setItem(TOKEN_KEY, fromHash);
    place.clearHash();
    return fromHash;
  }
  const kept = place.storage.getItem(TOKEN_KEY);
  return kept ? kept : null;
}

export function socketUrl(host: string, token: string): string {
  return `ws://${host}/ws?token=${encodeURIComponent(token)}`;
}
