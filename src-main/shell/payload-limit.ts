// The size limit every IPC request passes before it reaches the dispatcher.
import { MAX_PAYLOAD_BYTES, type ErrorPayload } from '../../src-preload/contract/index.js';

/** null when the arguments may go on; otherwise the typed error to answer with. */
export function checkPayload(args: unknown, method: string, limit = MAX_PAYLOAD_BYTES): ErrorPayload | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(args);
  } catch {
    // Cyclic structures and BigInts cross IPC's structured clone but not the contract.
    return { code: 'BAD_REQUEST', message: `The arguments for ${method} cannot be read as JSON.`, where: method };
  }
  const bytes = json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  if (bytes > limit) {
    return {
      code: 'TOO_LARGE',
      message: `The request to ${method} is ${bytes} bytes; the most the app accepts is ${limit}.`,
      where: method,
    };
  }
  return null;
}
