// Chaos on real containers belongs on the same timeline as simulated faults: each chaos event
// of a brought-up topology is also recorded on every live run of that topology (matched the way
// bring-up names a topology: the slug of the document's name), at the run's simulated now.
import type { ChaosEvent, EventPayload } from '../../src-preload/contract/index.js';
import { slugify } from '../files/export-common.js';
import type { RunService } from '../runs/run-service.js';
import type { EventBus } from './event-bus.js';
import type { Logger } from './logger.js';

/** Subscribes; returns the function that stops it. */
export function recordChaosOnRuns(bus: EventBus, runs: Pick<RunService, 'liveRuns' | 'recordExternalEvent'>, log?: Logger): () => void {
  return bus.subscribe((name, payload) => {
    if (name !== 'chaosRecorded') return;
    const chaos = payload as EventPayload<'chaosRecorded'>;
    for (const run of runs.liveRuns()) {
      if (slugify(run.document.metadata.name) !== chaos.topologyId) continue;
      try {
        runs.recordExternalEvent(run.id, toRunEvent(chaos));
      } catch (err) {
        // The run ended between the list and the record: nothing to record it on.
        log?.warn(`chaos on ${chaos.container} not recorded on run ${run.id}: ${(err as Error).message}`);
      }
    }
  });
}

/** The run event: the chaos event's own words, plus when it happened on the wall clock and since bring-up. */
function toRunEvent(chaos: ChaosEvent) {
  return {
    type: chaos.type,
    ...(chaos.target === undefined ? {} : { target: chaos.target }),
    message: chaos.message,
    severity: chaos.severity,
    data: { ...chaos.data, source: 'docker', container: chaos.container, wallAt: chaos.at, sinceBringUpMs: chaos.tMs },
  };
}
