// Why the wasm backend did not start, in words a person can act on. tfjs only logs its own
// reason, so the worker fetches and compiles the binary itself to find out: missing, served
// with the wrong type, or refused by the page's Content-Security-Policy.

/** The first problem found with the .wasm files at these URLs, or null when they fetch and compile. */
export async function diagnoseWasm(urls: readonly string[]): Promise<string | null> {
  for (const url of urls) {
    const file = url.split('/').pop() ?? url;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (err) {
      return `${file} could not be fetched (${err instanceof Error ? err.message : String(err)})`;
    }
    if (!response.ok) return `${file} answered HTTP ${response.status}`;
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/wasm')) return `${file} is served as ${type || 'no type'}, not application/wasm`;
    try {
      await WebAssembly.compile(await response.arrayBuffer());
    } catch (err) {
      return `${file} did not compile (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  return null;
}

/** The backend choice's reasons with the diagnosis added to the wasm one. */
export function withDiagnosis(fallbacks: readonly string[], diagnosis: string | null): string[] {
  if (diagnosis === null) return [...fallbacks];
  return fallbacks.map((f) => (f.startsWith('wasm:') ? `${f}: ${diagnosis}` : f));
}
