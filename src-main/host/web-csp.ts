/** Used when the built index.html carries no policy of its own: nothing beyond this origin. */
export const FALLBACK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** The policy in index.html's `<meta http-equiv="Content-Security-Policy">`, if any. */
export function metaCsp(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gis) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/is.exec(tag);
    const policy = content?.[1] ?? content?.[2];
    if (policy) return policy.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * The header policy: the page's own policy (so the two never drift apart) with the
 * WebSocket wildcard narrowed to this host's port, and framing refused (which a meta
 * policy cannot do). Equal to or stricter than the meta policy, never looser.
 */
export function headerCsp(pagePolicy: string | undefined, port: number): string {
  const directives = (pagePolicy ?? FALLBACK_CSP)
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.replace(/\bws:\/\/(127\.0\.0\.1|localhost):\*/g, `ws://$1:${port}`));
  if (!directives.some((d) => /^frame-ancestors\b/i.test(d))) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
