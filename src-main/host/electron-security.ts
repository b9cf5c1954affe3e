// Guards that hold for every web contents the app ever creates: no navigation away, no
// new windows, no <webview>, no permissions. Links to the web go to the system browser,
// and only after checkExternalUrl accepts them.
import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../app/logger.js';
import { checkExternalUrl } from '../shell/external-url.js';

export function openExternalLink(url: string, log: Logger): void {
  const check = checkExternalUrl(url);
  if (!check.ok) {
    log.warn(`did not open a link: ${check.reason}`);
    return;
  }
  shell.openExternal(check.url).catch((err: unknown) => log.error('could not open a link in the browser', err));
}

export function guardWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    // A plain <a href="https://..."> click: the person wanted the page, in their browser.
    if (event.isMainFrame && /^https?:/i.test(event.url)) openExternalLink(event.url, log);
    else log.warn('blocked a navigation away from the app');
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('blocked a redirect');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url, log);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Session, log: Logger): void {
  const logged = new Set<string>();
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    if (!logged.has(permission)) {
      logged.add(permission);
      log.warn(`denied a request for the ${permission} permission`);
    }
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
