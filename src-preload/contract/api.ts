import type { EventName, MethodName } from './names.js';
import type { EventPayload } from './events.js';
import type { MethodArgs, MethodResult, ParsedArgs } from './methods.js';

type Call<M extends MethodName> = undefined extends MethodArgs<M>
  ? () => Promise<MethodResult<M>>
  : (args: MethodArgs<M>) => Promise<MethodResult<M>>;

type Subscribe<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void;

/** `window.devsim`: one function per method, one `onXxx` per event returning an unsubscribe. */
export type DevsimApi = { [M in MethodName]: Call<M> } & {
  [E in EventName as `on${Capitalize<E>}`]: Subscribe<E>;
};

/** The functions main implements; the host parses args before and results after. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

export const eventKey = (name: EventName): `on${Capitalize<EventName>}` =>
  `on${name[0]!.toUpperCase()}${name.slice(1)}` as `on${Capitalize<EventName>}`;
