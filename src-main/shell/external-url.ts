// Which links may leave the app for the system browser. Everything a page asks to open
// passes through here first; the answer is a normalised URL or a reason it was refused.

/** Longer than any real documentation link; stops a page smuggling data out in a URL. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

// Control characters, whitespace, bidi overrides and zero-width characters make a link
// look like something it is not; a real link never needs them unescaped.
// eslint-disable-next-line no-control-regex
const DECEPTIVE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\u3000\u3164\ufeff\uffa0]/u;

export function checkExternalUrl(raw: unknown): ExternalUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'not a link' };
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  if (DECEPTIVE_CHARS.test(raw)) return { ok: false, reason: 'the link contains invisible or control characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid link' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `links of type ${url.protocol} are not opened` };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'the link carries a user name or password' };
  if (url.hostname === '' || url.hostname.endsWith('.')) return { ok: false, reason: 'the link has no proper host' };
  // The parser turns Unicode hosts into punycode; such hosts can imitate others
  // (homographs), so only plain ASCII host names are opened.
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    return { ok: false, reason: 'the link uses an international host name, which can imitate another site' };
  }
  if (url.href.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  return { ok: true, url: url.href };
}
