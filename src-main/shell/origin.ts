// The app's own origin and the one check every sender and navigation is measured by.

/** The privileged scheme the packaged renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'devsim';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OriginOptions {
  /** The electron-vite dev server URL, already checked by devRendererUrl; absent when packaged. */
  devUrl?: string | undefined;
}

const parse = (raw: string): URL | null => {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/** True only for a page of this app: app://devsim, or in development the exact dev server origin. */
export function isTrustedOrigin(raw: unknown, options: OriginOptions = {}): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return false;
  const url = parse(raw);
  if (!url || url.username !== '' || url.password !== '') return false;
  // Node gives custom schemes the origin "null", so compare scheme and host ourselves.
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (options.devUrl === undefined) return false;
  const dev = parse(options.devUrl);
  return dev !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
}

/**
 * The renderer URL electron-vite dev passes in ELECTRON_RENDERER_URL, if it may be used:
 * never in a packaged app, and only an http(s) server on the loopback address.
 */
export function devRendererUrl(raw: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || raw === undefined) return undefined;
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
