import type { Handlers } from '../../../src-preload/contract/index.js';
import type { BringUpService } from './service.js';

type BringUpHandlers = Pick<Handlers, 'planBringUp' | 'bringUp' | 'cancelBringUp' | 'tearDown' | 'listBringUps' | 'chaosAction' | 'listChaosEvents' | 'runChaosScenario' | 'cancelChaosScenario'>;

/** The bring-up part of the contract; arguments arrive parsed by the host. */
export function createBringUpHandlers(service: BringUpService): BringUpHandlers {
  return {
    planBringUp: ({ document }) => service.plan(document),
    bringUp: ({ bringUpId, document, timeoutS }) => service.bringUp(bringUpId, document, timeoutS),
    cancelBringUp: ({ bringUpId }) => service.cancel(bringUpId),
    tearDown: ({ topologyId }) => service.tearDown(topologyId),
    listBringUps: () => service.list(),
    chaosAction: ({ id, action }) => service.chaosAction(id, action),
    listChaosEvents: ({ topologyId }) => service.chaosEvents(topologyId),
    runChaosScenario: ({ operationId, document, speed }) => service.runScenario(operationId, document, speed),
    cancelChaosScenario: ({ operationId }) => service.cancel(operationId),
  };
}
