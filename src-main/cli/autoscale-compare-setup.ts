// What devsim autoscale-compare's options ask for, as the comparison's inputs: the document
// with its days compressed and rates scaled (when asked), the seeds, the models read from
// files, the training settings, and the hook that saves a policy trained on the fly.
import { resolve } from 'node:path';
import type { Topology } from '../../src-preload/contract/index.js';
import { writeFileAtomic } from '../app/write-file-atomic.js';
import { policyFromArtefact } from '../kernel/index.js';
import { stepForecasterFromArtefact } from '../ml/artefact/kernel-models.js';
import type { CompareOptions } from '../ml/compare/compare-policies.js';
import { autoscaledNodes, COMPARED_POLICIES, type ComparedPolicy } from '../ml/compare/policy-document.js';
import { compressDays, scaleRates } from '../ml/compare/scenario-transform.js';
import { TRAINED_POLICY_NAME } from '../ml/rl/cem-trainer.js';
import { policyArtefact } from '../ml/rl/policy-artefact.js';
import { DEFAULT_ACTION_WEIGHT, DEFAULT_SLO_WEIGHT } from '../ml/rl/reward.js';
import { loadRateSeries } from '../runs/rate-series.js';
import { readModelFile } from './autoscale-model-file.js';
import { UsageError, type CliIo } from './command.js';
import { parseDuration } from './duration.js';
import { numberOption } from './series-csv.js';

/** Training seeds start here, so they never meet the evaluation seeds 1 … N. */
export const FIRST_TRAIN_SEED = 1001;

export type CompareValues = Partial<Record<'policies' | 'seeds' | 'train-seeds' | 'train-duration' | 'duration' | 'warmup' | 'day' | 'rate-scale' | 'season' | 'forecaster' | 'policy-model' | 'iterations' | 'population' | 'slo-weight' | 'action-weight' | 'save-policy', string>>;

export interface CompareSetup {
  doc: Topology;
  options: CompareOptions;
}

/** Throws UsageError for a bad option, Error for a model file or rate file it cannot use. */
export function compareSetup(original: Topology, file: string, values: CompareValues, io: CliIo): CompareSetup {
  const policies = parsePolicies(values.policies ?? COMPARED_POLICIES.join(','));
  const seeds = numberOption('seeds', values.seeds, 5, { min: 1, max: 1000, integer: true });
  const trainSeeds = numberOption('train-seeds', values['train-seeds'], 3, { min: 1, max: 1000, integer: true });
  const dayS = duration('day', values.day);
  const rateScale = numberOption('rate-scale', values['rate-scale'], 1, { min: 1e-6, max: 1e6 });
  const changes: string[] = [];
  let doc = original;
  if (dayS !== undefined) {
    doc = compressDays(doc, dayS);
    changes.push(`diurnal traffic repeats every ${dayS} s instead of every 24 h (--day)`);
  }
  if (rateScale !== 1) {
    doc = scaleRates(doc, rateScale);
    changes.push(`every traffic source's rate × ${rateScale} (--rate-scale)`);
  }
  const durationS = duration('duration', values.duration);
  const warmupS = duration('warmup', values.warmup, true);
  const seasonS = duration('season', values.season) ?? dayS;
  const trainDurationS = duration('train-duration', values['train-duration']);
  const sloWeight = numberOption('slo-weight', values['slo-weight'], DEFAULT_SLO_WEIGHT, { min: 0, max: 1e6 });
  const rateSeries = loadRateSeries(doc, resolve(file));
  const options: CompareOptions = {
    policies,
    seeds: Array.from({ length: seeds }, (_, i) => i + 1),
    trainSeeds: Array.from({ length: trainSeeds }, (_, i) => FIRST_TRAIN_SEED + i),
    training: {
      iterations: numberOption('iterations', values.iterations, 10, { min: 1, max: 1000, integer: true }),
      population: numberOption('population', values.population, 12, { min: 2, max: 1000, integer: true }),
      sloWeight,
      actionWeight: numberOption('action-weight', values['action-weight'], DEFAULT_ACTION_WEIGHT, { min: 0, max: 1e6 }),
    },
    changes,
    onProgress: (message) => io.err(`${message}\n`),
    ...(values.forecaster === undefined ? {} : { forecaster: stepForecasterFromArtefact(readModelFile(values.forecaster)) }),
    ...(values['policy-model'] === undefined ? {} : { policy: policyFromArtefact(readModelFile(values['policy-model'])) }),
    ...(durationS === undefined ? {} : { durationS }),
    ...(warmupS === undefined ? {} : { warmupS }),
    ...(trainDurationS === undefined ? {} : { trainDurationS }),
    ...(seasonS === undefined ? {} : { forecastSeasonS: seasonS }),
    ...(Object.keys(rateSeries).length === 0 ? {} : { rateSeries }),
  };
  const savePath = values['save-policy'];
  if (savePath !== undefined) {
    options.onTrained = (result) => {
      const artefact = policyArtefact(result.layers, {
        name: TRAINED_POLICY_NAME,
        origin: doc.metadata.name,
        nodes: autoscaledNodes(doc),
        syncPeriodMs: firstSyncPeriodMs(doc),
        trainSeeds: options.trainSeeds ?? [],
        measuredMs: (trainDurationS ?? durationS ?? doc.scenario.durationS) * 1000,
        parameters: { hiddenUnits: result.hiddenUnits, iterations: result.history.length, episodes: result.episodes, sloWeight, actionWeight: options.training?.actionWeight ?? DEFAULT_ACTION_WEIGHT },
        evaluation: { trainReward: result.reward },
      });
      writeFileAtomic(savePath, `${JSON.stringify(artefact, null, 2)}\n`);
      io.err(`saved the trained policy in ${savePath}\n`);
    };
  }
  return { doc, options };
}

function parsePolicies(text: string): ComparedPolicy[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = names.find((n) => !(COMPARED_POLICIES as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) throw new UsageError(`--policies takes a comma-separated list of ${COMPARED_POLICIES.join(', ')}, not "${text}"`);
  return [...new Set(names as ComparedPolicy[])];
}

function duration(flag: string, text: string | undefined, zeroAllowed = false): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds > 31_536_000) throw new UsageError(`--${flag} takes a duration like 90s, 15m, 1h or 48h (at most a year), not "${text}"`);
  if (!zeroAllowed && seconds <= 0) throw new UsageError(`--${flag} must be longer than 0`);
  return seconds;
}

function firstSyncPeriodMs(doc: Topology): number {
  for (const node of Object.values(doc.nodes)) if ('scaling' in node && node.scaling !== undefined && node.scaling.policy !== 'manual') return node.scaling.syncPeriodS * 1000;
  return 15_000;
}
