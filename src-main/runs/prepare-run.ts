// Checks a run request against its document and turns it into what the kernel takes, in main
// (or the CLI) before any worker starts: bad parameters and bad rate files are refused here
// with the field they concern, never discovered by a crashing worker.
import { ContractError, validateTopology, type RunInfo, type RunParameters, type Topology } from '../../src-preload/contract/index.js';
import type { RunOptions } from '../kernel/index.js';
import { loadRateSeries } from './rate-series.js';

export interface PreparedRun {
  /** The document the run uses (stored with the run as its snapshot). */
  document: Topology;
  options: RunOptions;
  parameters: RunInfo['parameters'];
  seed: number;
  endMs: number;
}

export function prepareRun(doc: Topology, params: RunParameters, documentPath: string | null): PreparedRun {
  const errors = validateTopology(doc).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more; validate the document to see them all)` : '';
    throw new ContractError('BAD_REQUEST', `The document has errors to fix before it can run: ${errors[0]!.message}${more}`, `document.${errors[0]!.path}`);
  }
  const durationS = params.durationS ?? doc.scenario.durationS;
  const warmupS = params.warmupS ?? doc.scenario.warmupS;
  const seed = params.seed ?? doc.scenario.seed;
  const seriesIntervalS = params.seriesIntervalS ?? doc.settings.monitoring.scrapeIntervalS;
  if (!(warmupS < durationS)) {
    throw new ContractError('BAD_REQUEST', `the warm-up (${warmupS} s) must be shorter than the run (${durationS} s)`, 'parameters.warmupS');
  }
  const rateSeries = loadRateSeries(doc, documentPath);
  const options: RunOptions = {
    seed,
    durationS,
    warmupS,
    ...(params.seriesIntervalS === undefined ? {} : { seriesIntervalS: params.seriesIntervalS }),
    ...(params.maxEvents === undefined ? {} : { maxEvents: params.maxEvents }),
    ...(Object.keys(rateSeries).length === 0 ? {} : { rateSeries }),
  };
  const parameters: RunInfo['parameters'] = {
    durationS,
    warmupS,
    speed: params.speed,
    seriesIntervalS,
    ...(params.maxEvents === undefined ? {} : { maxEvents: params.maxEvents }),
  };
  return { document: doc, options, parameters, seed, endMs: durationS * 1000 };
}
