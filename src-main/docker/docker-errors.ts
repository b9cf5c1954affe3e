// Engine failures as typed contract errors with a sentence a person can act on.
import { ContractError } from '../../src-preload/contract/index.js';

interface EngineError {
  statusCode?: number;
  code?: string;
  name?: string;
  json?: { message?: string } | null;
  reason?: string;
  message?: string;
}

const GONE_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTSOCK']);

/** The engine's own words, without dockerode's "(HTTP code 404) no such container -" prefix. */
export function engineMessage(err: unknown): string {
  const e = (err ?? {}) as EngineError;
  const fromJson = e.json && typeof e.json === 'object' && typeof e.json.message === 'string' ? e.json.message : undefined;
  return (fromJson ?? e.message ?? String(err)).trim();
}

/** Whether the engine itself is out of reach (as opposed to refusing one request). */
export function isEngineGone(err: unknown): boolean {
  const e = (err ?? {}) as EngineError;
  return e.code !== undefined && GONE_CODES.has(e.code);
}

/** What went wrong, as the contract says it; `what` names the thing acted on ("container web-1"). */
export function toContractError(err: unknown, what: string): ContractError {
  if (err instanceof ContractError) return err;
  const e = (err ?? {}) as EngineError;
  const message = engineMessage(err);
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') return new ContractError('CANCELLED', `${what}: cancelled`, what);
  if (isEngineGone(err)) {
    return new ContractError('DOCKER_UNAVAILABLE', `${what}: the Docker engine is not reachable (${e.code}: ${message}). Start Docker or choose its address in Settings.`, what);
  }
  if (/port is already allocated|address already in use/i.test(message)) {
    return new ContractError('PORT_IN_USE', `${what}: a port it publishes is already taken on this machine (${message}). Stop what uses it or choose another port.`, what);
  }
  switch (e.statusCode) {
    case 404:
      return /no such image|image .* not found|pull access denied|manifest unknown/i.test(message)
        ? new ContractError('IMAGE_MISSING', `${what}: image not on this engine (${message}). Pull it (docker pull) or build it first.`, what)
        : new ContractError('NOT_FOUND', `${what}: not found (${message}); it may have been removed outside the app.`, what);
    case 409:
      return new ContractError('CONFLICT', `${what}: ${message}`, what);
    case 400:
      return new ContractError('BAD_REQUEST', `${what}: ${message}`, what);
    default:
      return new ContractError('INTERNAL', `${what}: the engine failed (${e.statusCode ?? e.code ?? 'no status'}: ${message})`, what);
  }
}
