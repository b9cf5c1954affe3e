// Maps an app://devsim/... request to a file under the built renderer folder, refusing
// anything that could reach outside it. The Electron handler only reads what this allows.
import { isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin.js';
import { contentSecurityPolicy } from './csp.js';
import { contentType as typeOf } from './content-types.js';


export type AppRequest = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404 };

/** True when target is rootDir itself or lies inside it. */
export function isInside(rootDir: string, target: string): boolean {
  const rel = relative(resolve(rootDir), resolve(target));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // Backslashes and NUL mean something else to Windows or to C; a built asset never has them.
  if (path.includes('\0') || path.includes('\\') || path.length > 1024) return { ok: false, status: 400 };
  const relativePath = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const segments = relativePath.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return { ok: false, status: 403 };
  const file = resolve(rootDir, ...segments);
  if (!isInside(rootDir, file) || file === resolve(rootDir)) return { ok: false, status: 403 };
  const contentType = typeOf(file);
  return { ok: true, file, contentType };
}

/** Headers for every app:// response; the CSP here holds even if index.html lost its meta tag. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

