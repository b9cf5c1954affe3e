// devsim autoscale-compare: HPA vs predictive vs learned on a document's scenario, the same
// seeds for each; the report JSON (schema in src-main/ml/compare/report.ts) to --out and a
// table on stdout. The learned policy is --policy-model, or trained here on --train-seeds
// seeds (1001, 1002, …), never the evaluation seeds (1 … N).
import { writeFileAtomic } from '../../app/write-file-atomic.js';
import { policyFromArtefact, type KernelForecaster, type KernelPolicy } from '../../kernel/index.js';
import { stepForecasterFromArtefact } from '../../ml/artefact/kernel-models.js';
import { comparePolicies, type CompareOptions } from '../../ml/compare/compare-policies.js';
import { autoscaledNodes, COMPARED_POLICIES, type ComparedPolicy } from '../../ml/compare/policy-document.js';
import { comparisonTable } from '../../ml/compare/table.js';
import { TRAINED_POLICY_NAME } from '../../ml/rl/cem-trainer.js';
import { policyArtefact } from '../../ml/rl/policy-artefact.js';
import { parseCommandArgs } from '../args.js';
import { readModelFile } from '../autoscale-model-file.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { parseDuration } from '../duration.js';
import { readDocumentForCommand } from '../read-document.js';
import { numberOption } from '../series-csv.js';

/** Training seeds start here, so they never meet the evaluation seeds 1 … N. */
export const FIRST_TRAIN_SEED = 1001;

export const autoscaleCompareCommand: Command = {
  name: 'autoscale-compare',
  summary: 'Compare HPA, predictive and learned autoscaling on a scenario over several seeds',
  usage:
    'devsim autoscale-compare FILE.devsim.yaml --out REPORT.json [--policies hpa,predictive,learned] [--seeds 5] [--train-seeds 3]' +
    ' [--duration 48h] [--warmup 0] [--season 24h] [--forecaster MODEL.json] [--policy-model MODEL.json] [--iterations 10] [--population 12]' +
    ' [--slo-weight 50] [--save-policy POLICY.json]',
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      policies: { type: 'string' },
      seeds: { type: 'string' },
      'train-seeds': { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      season: { type: 'string' },
      forecaster: { type: 'string' },
      'policy-model': { type: 'string' },
      iterations: { type: 'string' },
      population: { type: 'string' },
      'slo-weight': { type: 'string' },
      'save-policy': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one document to compare policies on');
    if (values.out === undefined) throw new UsageError('say where the report goes: --out REPORT.json');
    const policies = parsePolicies(values.policies ?? COMPARED_POLICIES.join(','));
    const seeds = numberOption('seeds', values.seeds, 5, { min: 1, max: 1000, integer: true });
    const trainSeeds = numberOption('train-seeds', values['train-seeds'], 3, { min: 1, max: 1000, integer: true });
    const file = positionals[0]!;
    const doc = readDocumentForCommand(file, io);
    if (!doc) return EXIT.failed;
    if (autoscaledNodes(doc).length === 0) {
      io.err(`${file}: no node is autoscaled; give a node a scaling policy (hpa, predictive or learned) to compare policies on it\n`);
      return EXIT.failed;
    }
    let forecaster: KernelForecaster | undefined;
    let policy: KernelPolicy | undefined;
    try {
      if (values.forecaster !== undefined) forecaster = stepForecasterFromArtefact(readModelFile(values.forecaster));
      if (values['policy-model'] !== undefined) policy = policyFromArtefact(readModelFile(values['policy-model']));
    } catch (err) {
      io.err(`devsim autoscale-compare: ${(err as Error).message}\n`);
      return EXIT.failed;
    }
    const durationS = optionalDuration('duration', values.duration);
    const options: CompareOptions = {
      policies,
      seeds: Array.from({ length: seeds }, (_, i) => i + 1),
      trainSeeds: Array.from({ length: trainSeeds }, (_, i) => FIRST_TRAIN_SEED + i),
      training: {
        iterations: numberOption('iterations', values.iterations, 10, { min: 1, max: 1000, integer: true }),
        population: numberOption('population', values.population, 12, { min: 2, max: 1000, integer: true }),
        sloWeight: numberOption('slo-weight', values['slo-weight'], 50, { min: 0, max: 1e6 }),
      },
      onProgress: (message) => io.err(`${message}\n`),
      ...(forecaster === undefined ? {} : { forecaster }),
      ...(policy === undefined ? {} : { policy }),
      ...(durationS === undefined ? {} : { durationS }),
      ...optionalField('warmupS', optionalDuration('warmup', values.warmup)),
      ...optionalField('forecastSeasonS', optionalDuration('season', values.season)),
    };
    const savePolicy = values['save-policy'];
    if (savePolicy !== undefined) {
      options.onTrained = (result) => {
        const syncPeriodMs = firstSyncPeriodMs(doc);
        const artefact = policyArtefact(result.layers, {
          name: TRAINED_POLICY_NAME,
          origin: doc.metadata.name,
          nodes: autoscaledNodes(doc),
          syncPeriodMs,
          trainSeeds: options.trainSeeds ?? [],
          measuredMs: (durationS ?? doc.scenario.durationS) * 1000,
          parameters: { hiddenUnits: result.hiddenUnits, iterations: result.history.length, episodes: result.episodes, sloWeight: options.training?.sloWeight ?? 50 },
          evaluation: { trainReward: result.reward },
        });
        writeFileAtomic(savePolicy, `${JSON.stringify(artefact, null, 2)}\n`);
        io.err(`saved the trained policy in ${savePolicy}\n`);
      };
    }
    let report;
    try {
      report = comparePolicies(doc, options);
    } catch (err) {
      io.err(`devsim autoscale-compare: ${(err as Error).message}\n`);
      return EXIT.failed;
    }
    writeFileAtomic(values.out, `${JSON.stringify(report, null, 2)}\n`);
    io.out(comparisonTable(report.policies));
    io.out(`report in ${values.out}\n`);
    return EXIT.ok;
  },
};

function parsePolicies(text: string): ComparedPolicy[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = names.find((n) => !(COMPARED_POLICIES as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) throw new UsageError(`--policies takes a comma-separated list of ${COMPARED_POLICIES.join(', ')}, not "${text}"`);
  return [...new Set(names as ComparedPolicy[])];
}

function optionalDuration(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds > 31_536_000) throw new UsageError(`--${flag} takes a duration like 90s, 15m, 1h or 48h (at most a year), not "${text}"`);
  if (flag !== 'warmup' && seconds <= 0) throw new UsageError(`--${flag} must be longer than 0`);
  return seconds;
}

function optionalField<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: number });
}

function firstSyncPeriodMs(doc: Parameters<typeof autoscaledNodes>[0]): number {
  for (const node of Object.values(doc.nodes)) if ('scaling' in node && node.scaling !== undefined && node.scaling.policy !== 'manual') return node.scaling.syncPeriodS * 1000;
  return 15_000;
}
