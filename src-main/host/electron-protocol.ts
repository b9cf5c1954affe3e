// Serves the built renderer on app://devsim/ with the strict CSP header. The scheme must
// be declared privileged before the app is ready; files are served only from rendererDir.
import { readFile, realpath } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { appResponseHeaders, isInside, resolveAppRequest } from '../shell/app-protocol.js';
import { APP_SCHEME } from '../shell/origin.js';

/** Call before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, allowServiceWorkers: false, corsEnabled: false },
    },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  let realRoot: Promise<string> | undefined;
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const target = resolveAppRequest(request.url, rendererDir);
    if (!target.ok) return new Response(null, { status: target.status });
    try {
      // A symbolic link inside the folder must not lead out of it.
      realRoot ??= realpath(rendererDir);
      const file = await realpath(target.file);
      if (!isInside(await realRoot, file)) return new Response(null, { status: 403 });
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(target.contentType),
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
