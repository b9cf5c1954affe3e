// devsim autoscale-compare end to end in-process: the report's figures are those of direct
// kernel runs of the same policy and seed, the table is printed, a policy trained on the
// fly is saved and can be given back with --policy-model, and bad input gets a clear error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyFromArtefact } from '../../../src-main/kernel/index.js';
import { runEpisode } from '../../../src-main/ml/compare/episode.js';
import type { ComparisonReport } from '../../../src-main/ml/compare/compare-policies.js';
import { withPolicy } from '../../../src-main/ml/compare/policy-document.js';
import { compressDays, scaleRates } from '../../../src-main/ml/compare/scenario-transform.js';
import { modelArtefactSchema } from '../../../src-preload/contract/ml-models.js';
import { SMALL_DAY_S, smallDayDoc } from '../ml/rl-helpers.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'devsim-autoscale-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const docFile = join(dir, 'small-day.devsim.yaml');
// JSON is YAML: the schema-filled document, as a user could write it.
writeFileSync(docFile, JSON.stringify(smallDayDoc()));
const read = (file: string): ComparisonReport => JSON.parse(readFileSync(file, 'utf8')) as ComparisonReport;

describe('devsim autoscale-compare', () => {
  it('writes a report whose figures come from the kernel runs, trains and saves the learned policy, prints a table', async () => {
    const out = join(dir, 'report.json');
    const saved = join(dir, 'policy.json');
    const { code, out: stdout, err } = await cli('autoscale-compare', docFile, '--out', out, '--seeds', '2', '--train-seeds', '1', '--iterations', '2', '--population', '4', '--save-policy', saved);
    expect(err).toMatch(/training the learned policy: iteration 2\/2/);
    expect(code).toBe(0);
    const report = read(out);
    expect(report).toMatchObject({ format: 'devsim-autoscale-compare', version: 1, document: 'small day', seeds: [1, 2], trainSeeds: [1001], autoscaledNodes: ['api'] });
    expect(report.policies.map((p) => p.policy)).toEqual(['hpa', 'predictive', 'learned']);
    expect(report.training).toMatchObject({ method: 'cross-entropy', iterations: 2, population: 4, sloWeight: 50, actionWeight: 0.5, episodes: 2 * 5 });
    // Cross-check: HPA with seed 2 is exactly a direct run of the document with seed 2.
    expect(report.policies[0]!.runs[1]).toEqual(runEpisode(withPolicy(smallDayDoc(), 'hpa'), { seed: 2 }));
    // The predictive policy has no day of history in a 20-minute run, so it is the HPA here.
    expect(report.policies[1]!.runs).toEqual(report.policies[0]!.runs);
    expect(report.definitions.sloViolationMinutes).toMatch(/p99 end-to-end latency/);
    expect(stdout).toMatch(/^policy\s+SLO-violation min/);
    expect(stdout).toContain(`report in ${out}`);

    // The saved policy is a valid artefact; given back, it drives the learned runs.
    const artefact = modelArtefactSchema.parse(JSON.parse(readFileSync(saved, 'utf8')));
    expect(artefact).toMatchObject({ purpose: 'autoscaler-policy', architecture: 'mlp-policy', name: 'learned-policy' });
    const again = join(dir, 'again.json');
    const second = await cli('autoscale-compare', docFile, '--out', again, '--policies', 'learned', '--seeds', '1', '--policy-model', saved);
    expect(second.code).toBe(0);
    const learned = read(again).policies[0]!;
    expect(learned.model).toBe('learned-policy');
    expect(read(again).training).toBeUndefined();
    const direct = runEpisode(withPolicy(smallDayDoc(), 'learned', 'p'), { seed: 1, models: { p: { type: 'policy', policy: policyFromArtefact(artefact) } } });
    expect(learned.runs[0]).toEqual(direct);
  }, 120_000);

  it('compresses the day and scales the rates when asked, and the predictive policy then forecasts on the second day', async () => {
    const out = join(dir, 'compressed.json');
    const { code, out: stdout } = await cli('autoscale-compare', docFile, '--out', out, '--policies', 'hpa,predictive', '--seeds', '1', '--day', '10m', '--duration', '20m', '--warmup', '10m', '--rate-scale', '0.5');
    expect(code).toBe(0);
    const report = read(out);
    expect(report.changes).toEqual(['diurnal traffic repeats every 600 s instead of every 24 h (--day)', "every traffic source's rate × 0.5 (--rate-scale)"]);
    expect(report).toMatchObject({ durationS: 1200, warmupS: 600 });
    expect(report.policies[1]!.model).toBe('seasonal naive (600 s)');
    expect(stdout).toContain('changed for the comparison: diurnal traffic repeats every 600 s');
    const doc = scaleRates(compressDays(smallDayDoc(), 600), 0.5);
    const direct = runEpisode(withPolicy(doc, 'predictive'), { seed: 1, durationS: 1200, warmupS: 600, forecastSeasonS: 600 });
    expect(report.policies[1]!.runs[0]).toEqual(direct);
    expect(direct).not.toEqual(runEpisode(withPolicy(doc, 'hpa'), { seed: 1, durationS: 1200, warmupS: 600 }));
  }, 60_000);

  it('drives the predictive policy with --forecaster, a model file from the ML lab', async () => {
    // Gradient-boosted trees with no trees: always their base, 45 requests/s, from a 5-minute window of 1-minute steps.
    const span = { fromMs: 0, toMs: 0, count: 0 };
    const model = {
      format: 'devsim-model', formatVersion: 1, name: 'flat-45', purpose: 'forecaster', architecture: 'gradient-boosted-trees', window: 5, horizon: 1,
      normalisation: { method: 'none', offset: 0, scale: 1 }, parameters: {},
      dataset: { source: 'csv', origin: 'test', series: ['value'], window: 5, horizon: 1, stepMs: 60_000, train: span, validation: span, test: span, anomalousPoints: 0 },
      evaluation: {}, trees: { base: 45, learningRate: 0.1, trees: [] },
    };
    const modelFile = join(dir, 'flat-45.json');
    writeFileSync(modelFile, JSON.stringify(model));
    const out = join(dir, 'forecaster.json');
    const { code } = await cli('autoscale-compare', docFile, '--out', out, '--policies', 'hpa,predictive', '--seeds', '1', '--forecaster', modelFile);
    expect(code).toBe(0);
    const report = read(out);
    expect(report.policies[1]!.model).toBe('flat-45');
    // 45 requests/s at 100 ms and 70 % need 7 replicas from minute 5 on: more replica time than the HPA gives the quiet hours.
    expect(report.policies[1]!.runs[0]!.replicaSeconds).toBeGreaterThan(report.policies[0]!.runs[0]!.replicaSeconds);
    expect(report.policies[1]!.runs[0]!.replicaSeconds).toBeGreaterThan(7 * (SMALL_DAY_S - 300));
  }, 60_000);

  it('refuses bad input with a message that names it', async () => {
    const out = join(dir, 'bad.json');
    expect((await cli('autoscale-compare', docFile, '--out', out, '--policies', 'hpa,magic')).err).toMatch(/--policies takes a comma-separated list of hpa, predictive, learned, not "hpa,magic"/);
    expect((await cli('autoscale-compare', docFile)).err).toMatch(/say where the report goes: --out REPORT\.json/);
    const manual = join(dir, 'manual.devsim.yaml');
    const doc = smallDayDoc();
    writeFileSync(manual, JSON.stringify({ ...doc, nodes: { ...doc.nodes, api: { ...doc.nodes['api'], scaling: { policy: 'manual' } } } }));
    const none = await cli('autoscale-compare', manual, '--out', out);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no node is autoscaled');
    const old = join(dir, 'old-model.json');
    writeFileSync(old, JSON.stringify({ format: 'devsim-model', formatVersion: 0, architecture: 'mlp-policy' }));
    const refused = await cli('autoscale-compare', docFile, '--out', out, '--policy-model', old);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${old}: formatVersion is 0; this version of the app reads format 1 only`);
    const missing = await cli('autoscale-compare', docFile, '--out', out, '--forecaster', join(dir, 'nope.json'));
    expect(missing.err).toContain('nope.json: cannot read it: no such file');
    expect((await cli('autoscale-compare', docFile, '--out', out, '--day', 'soon')).err).toMatch(/--day takes a duration like 90s, 15m, 1h or 48h/);
    expect((await cli('autoscale-compare', docFile, '--out', out, '--rate-scale', '0')).err).toMatch(/--rate-scale must be a number from 0.000001 to 1000000, not "0"/);
  });
});
