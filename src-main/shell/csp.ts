// The Content-Security-Policy the app:// protocol sends with every response. It matches
// src-renderer/index.html's meta policy, minus the WebSocket (browser mode only), plus
// frame-src: no remote code, no eval, no inline script, nothing framed.

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  // 'wasm-unsafe-eval': WebAssembly compilation for the ML lab's TensorFlow.js (its .wasm files
  // come from 'self'); JavaScript eval stays forbidden.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function contentSecurityPolicy(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
