import type { Handlers } from '../../src-preload/contract/index.js';
import type { RunService } from './run-service.js';

type RunHandlers = Pick<
  Handlers,
  'startRun' | 'pauseRun' | 'resumeRun' | 'stepRun' | 'setRunSpeed' | 'cancelRun' | 'injectFault' | 'startDeployment' | 'listRuns' | 'getRun' | 'getRunDocument' | 'getRunSeries' | 'getRunEvents' | 'deleteRun'
>;

/** The contract's run methods, answered by the run service. */
export function createRunHandlers(runs: RunService): RunHandlers {
  return {
    startRun: (args) => runs.start(args),
    pauseRun: ({ id }) => runs.pause(id),
    resumeRun: ({ id }) => runs.resume(id),
    stepRun: ({ id, events }) => runs.step(id, events),
    setRunSpeed: ({ id, speed }) => runs.setSpeed(id, speed),
    cancelRun: ({ id }) => runs.cancel(id),
    injectFault: ({ id, fault }) => runs.inject(id, fault),
    startDeployment: ({ id, deployment }) => runs.deploy(id, deployment),
    listRuns: () => runs.list(),
    getRun: ({ id }) => runs.get(id),
    getRunDocument: ({ id }) => runs.document(id),
    getRunSeries: (args) => runs.series(args),
    getRunEvents: (args) => runs.events(args),
    deleteRun: ({ id }) => runs.delete(id),
  };
}
