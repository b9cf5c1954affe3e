// devsim autoscale-compare: HPA vs predictive vs learned on a document's scenario, the same
// seeds for each; the report JSON (schema in src-main/ml/compare/report.ts) to --out and a
// table on stdout. The learned policy is --policy-model, or trained here on --train-seeds
// seeds (1001, 1002, …), never the evaluation seeds (1 … N).
import { ContractError } from '../../../src-preload/contract/index.js';
import { writeFileAtomic } from '../../app/write-file-atomic.js';
import { comparePolicies } from '../../ml/compare/compare-policies.js';
import { autoscaledNodes } from '../../ml/compare/policy-document.js';
import { comparisonTable } from '../../ml/compare/table.js';
import { parseCommandArgs } from '../args.js';
import { compareSetup, type CompareSetup } from '../autoscale-compare-setup.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { readDocumentForCommand } from '../read-document.js';

const OPTION_NAMES = ['out', 'policies', 'seeds', 'train-seeds', 'train-duration', 'duration', 'warmup', 'day', 'rate-scale', 'season', 'forecaster', 'policy-model', 'iterations', 'population', 'slo-weight', 'action-weight', 'save-policy'] as const;
const OPTIONS = Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: 'string' as const }])) as Record<(typeof OPTION_NAMES)[number], { type: 'string' }>;

export const autoscaleCompareCommand: Command = {
  name: 'autoscale-compare',
  summary: 'Compare HPA, predictive and learned autoscaling on a scenario over several seeds',
  usage:
    'devsim autoscale-compare FILE.devsim.yaml --out REPORT.json [--policies hpa,predictive,learned] [--seeds 5] [--train-seeds 3] [--train-duration 24h]' +
    ' [--duration 48h] [--warmup 24h] [--day 1h] [--rate-scale 0.25] [--season 24h] [--forecaster MODEL.json] [--policy-model MODEL.json]' +
    ' [--iterations 10] [--population 12] [--slo-weight 50] [--action-weight 0.5] [--save-policy POLICY.json]' +
    '  (--day compresses diurnal traffic to that cycle and is the forecaster\'s season; the predictive policy needs a season of history first)',
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('name exactly one document to compare policies on');
    if (values.out === undefined) throw new UsageError('say where the report goes: --out REPORT.json');
    const file = positionals[0]!;
    const original = readDocumentForCommand(file, io);
    if (!original) return EXIT.failed;
    if (autoscaledNodes(original).length === 0) {
      io.err(`${file}: no node is autoscaled; give a node a scaling policy (hpa, predictive or learned) to compare policies on it\n`);
      return EXIT.failed;
    }
    let setup: CompareSetup;
    let report;
    try {
      setup = compareSetup(original, file, values, io);
      report = comparePolicies(setup.doc, setup.options);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const where = err instanceof ContractError && err.where ? ` (${err.where})` : '';
      io.err(`devsim autoscale-compare: ${(err as Error).message}${where}\n`);
      return EXIT.failed;
    }
    writeFileAtomic(values.out, `${JSON.stringify(report, null, 2)}\n`);
    io.out(comparisonTable(report.policies));
    for (const change of report.changes) io.out(`changed for the comparison: ${change}\n`);
    io.out(`report in ${values.out}\n`);
    return EXIT.ok;
  },
};
