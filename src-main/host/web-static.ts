import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../app/logger.js';
import { contentType } from '../shell/content-types.js';


/** Headers every response carries, static file or refusal. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

export interface StaticOptions {
  /** The built renderer (out/renderer), already resolved to its real path. */
  root: string;
  /** The Content-Security-Policy header, known once the port is. */
  csp: () => string;
  log: Logger;
}

/** Serves files under root to GET/HEAD; anything outside root or missing is a 404. */
export function createStaticHandler(options: StaticOptions) {
  const { root, log } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = securityHeaders(options.csp());
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return end(res, 405, { ...headers, Allow: 'GET, HEAD' }, 'Method not allowed');
    }
    const file = await locate(root, req.url ?? '/');
    if (file === undefined) return end(res, 404, headers, 'Not found');
    const isIndex = file.path === join(root, 'index.html');
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentType(file.path),
      'Content-Length': String(file.size),
      // index.html names the hashed assets of this build: never reuse an old one.
      'Cache-Control': isIndex ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(createReadStream(file.path), res);
    } catch (err) {
      // The client went away mid-file, or the file vanished: nothing more to send.
      log.warn(`static: could not send ${file.path}: ${(err as Error).message}`);
      res.destroy();
    }
  };
}

interface Found {
  path: string;
  size: number;
}

/** The file a URL names inside root, or undefined; symlinks leading out of root do not count. */
export async function locate(root: string, url: string): Promise<Found | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://host').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const candidate = join(root, pathname);
  if (!isInside(root, candidate)) return undefined;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return undefined;
    const info = await stat(real);
    if (!info.isFile()) return undefined;
    return { path: real, size: info.size };
  } catch {
    return undefined;
  }
}

const isInside = (root: string, path: string): boolean => path.startsWith(root + sep);

function end(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
