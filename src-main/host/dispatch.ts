import {
  ContractError,
  describeIssues,
  METHOD_NAMES,
  methods,
  type Handlers,
  type MethodName,
  type Reply,
} from '../../src-preload/contract/index.js';
import type { Logger } from '../app/logger.js';

const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);

export type Dispatch = (method: unknown, args: unknown) => Promise<Reply>;

/**
 * The one entry both transports call: parses the arguments, runs the handler, parses
 * its result, and turns every failure into a typed error reply. It never throws.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (method, rawArgs) => {
    // Computed once, without calling anything on a value that may come from anywhere.
    const label = typeof method === 'string' ? method.slice(0, 80) : `(a ${method === null ? 'null' : typeof method})`;
    try {
      if (!isMethodName(method)) {
        throw new ContractError('UNKNOWN_METHOD', `There is no method called ${typeof method === 'string' ? JSON.stringify(label) : label}.`);
      }
      const contract = methods[method];
      const args = contract.args.safeParse(rawArgs);
      if (!args.success) {
        throw new ContractError('BAD_REQUEST', `Wrong arguments for ${method}: ${describeIssues(args.error, 'args')}`, method);
      }
      const handler = handlers[method] as (a: unknown) => unknown;
      const result = contract.result.safeParse(await handler(args.data));
      if (!result.success) {
        log.error(`handler ${method} broke the contract: ${describeIssues(result.error, 'result')}`);
        throw new ContractError('INTERNAL', `The app gave an answer to ${method} that it should not have; this is a bug.`, method);
      }
      return { ok: true, result: result.data };
    } catch (err) {
      if (err instanceof ContractError) {
        if (err.code !== 'INTERNAL') log.warn(`${label}: ${err.code} ${err.message}`);
        return { ok: false, error: err.toPayload() };
      }
      log.error(`handler ${label} failed`, err);
      const message = err instanceof Error ? err.message : 'an unknown error';
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${label}: ${message}` } };
    }
  };
}
