import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnoseWasm, withDiagnosis } from '../../../src-renderer/src/ml/wasm-diagnosis.js';

/** The smallest valid WebAssembly module: magic and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const serve = (body: BodyInit | null, init: ResponseInit) => vi.fn(async () => new Response(body, init));

describe('why the wasm backend did not start', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('finds nothing wrong with binaries that fetch as application/wasm and compile', async () => {
    vi.stubGlobal('fetch', serve(EMPTY_MODULE, { headers: { 'content-type': 'application/wasm' } }));
    expect(await diagnoseWasm(['/assets/a.wasm'])).toBeNull();
  });

  it('names the file and the problem: missing, wrong type, not WebAssembly, unreachable', async () => {
    vi.stubGlobal('fetch', serve('gone', { status: 404 }));
    expect(await diagnoseWasm(['/assets/tfjs-backend-wasm-simd-X.wasm'])).toBe('tfjs-backend-wasm-simd-X.wasm answered HTTP 404');
    vi.stubGlobal('fetch', serve('<html>', { headers: { 'content-type': 'text/html' } }));
    expect(await diagnoseWasm(['/a.wasm'])).toBe('a.wasm is served as text/html, not application/wasm');
    vi.stubGlobal('fetch', serve('not wasm', { headers: { 'content-type': 'application/wasm' } }));
    expect(await diagnoseWasm(['/a.wasm'])).toMatch(/^a\.wasm did not compile \(/);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await diagnoseWasm(['/a.wasm'])).toBe('a.wasm could not be fetched (Failed to fetch)');
  });

  it('adds the diagnosis to the wasm reason only', () => {
    expect(withDiagnosis(['wasm: did not initialise', 'webgl: no'], 'a.wasm answered HTTP 404')).toEqual(['wasm: did not initialise: a.wasm answered HTTP 404', 'webgl: no']);
    expect(withDiagnosis(['wasm: did not initialise'], null)).toEqual(['wasm: did not initialise']);
  });
});
