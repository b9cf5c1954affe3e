import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per start; the browser gets it in the URL's fragment, which is never sent. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison; hashing first hides the length of the expected token too. */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The names this host answers to; anything else in Host or Origin is someone else's page. */
export const loopbackHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** Refuses DNS-rebinding: a foreign name that resolves to 127.0.0.1 still sends its own Host. */
export const hostAllowed = (req: IncomingMessage, port: number): boolean =>
  loopbackHosts(port).includes((req.headers.host ?? '').toLowerCase());

export const originAllowed = (origin: string | undefined, port: number): boolean =>
  origin !== undefined && loopbackHosts(port).some((host) => origin === `http://${host}`);

export type Refusal = { status: 401 | 403 | 404; reason: string };

/** Why a WebSocket upgrade must be refused, or undefined when it may proceed. */
export function checkUpgrade(req: IncomingMessage, port: number, token: string): Refusal | undefined {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://host');
  } catch {
    return { status: 404, reason: 'an unreadable request target' };
  }
  if (url.pathname !== '/ws') return { status: 404, reason: `no WebSocket endpoint at ${url.pathname.slice(0, 80)}` };
  if (!hostAllowed(req, port)) return { status: 403, reason: `foreign Host ${JSON.stringify(req.headers.host ?? '').slice(0, 80)}` };
  if (!originAllowed(req.headers.origin, port)) {
    return { status: 403, reason: `foreign Origin ${JSON.stringify(req.headers.origin ?? '(none)').slice(0, 80)}` };
  }
  const given = url.searchParams.get('token');
  if (given === null) return { status: 401, reason: 'no token' };
  if (!tokenMatches(given, token)) return { status: 401, reason: 'wrong token' };
  return undefined;
}
