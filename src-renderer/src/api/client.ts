import {
  ContractError,
  EVENT_NAMES,
  METHOD_NAMES,
  describeIssues,
  eventKey,
  events,
  methods,
  replySchema,
  type DevsimApi,
  type EventName,
  type MethodName,
} from '../../../src-preload/contract/index.js';
import type { Transport } from './transport.js';

/** Called when the host sends an event that breaks the contract; it is dropped, not delivered. */
export type ContractViolation = (message: string) => void;

/** Turns a raw Reply into the method's parsed result, or throws the ContractError it carries. */
export function parseReply<M extends MethodName>(method: M, raw: unknown): unknown {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) {
    throw new ContractError('INTERNAL', `The app host answered ${method} with something that is not a reply: ${describeIssues(reply.error, 'reply')}`, method);
  }
  if (!reply.data.ok) throw ContractError.fromPayload(reply.data.error);
  const result = methods[method].result.safeParse(reply.data.result);
  if (!result.success) {
    throw new ContractError('INTERNAL', `The app host answered ${method} outside the contract: ${describeIssues(result.error, 'result')}`, method);
  }
  return result.data;
}

/** The typed `DevsimApi` over any transport: every reply and event parsed with the contract. */
export function createClient(transport: Transport, onViolation: ContractViolation = (m) => console.warn(m)): DevsimApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (args?: unknown) => parseReply(method, await transport.call(method, args));
  }
  for (const name of EVENT_NAMES) {
    api[eventKey(name)] = (listener: (payload: unknown) => void) => transport.subscribe(name, (raw) => deliver(name, raw, listener, onViolation));
  }
  return api as DevsimApi;
}

function deliver(name: EventName, raw: unknown, listener: (payload: unknown) => void, onViolation: ContractViolation): void {
  const parsed = events[name].safeParse(raw);
  if (parsed.success) listener(parsed.data);
  else onViolation(`Dropped a ${name} event outside the contract: ${describeIssues(parsed.error, 'payload')}`);
}
