import { DEFAULT_PROBATION, probationRows } from '../../ml/streaming/probation.js';
import { runDetector } from '../../ml/streaming/drivers.js';
import { DETECTORS, detectorNamed, NEEDS_TFJS } from '../../ml/streaming/registry.js';
import { useNodeMlBackend } from '../../models/ml-backend.js';
import { ZSCORE_DEFAULTS } from '../../ml/baselines/rolling-zscore.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { csvField } from '../../runs/records-csv.js';
import { numberOption, readSeriesCsv, writeCsv } from '../series-csv.js';

/**
 * Streaming anomaly detection over a timestamp,value file, one pass: each row's score comes
 * from that row and the rows before it only. The detector learns from the probationary rows
 * (the first 15 %) and online from what it has seen, never from labels, and flags nothing in
 * the probationary rows. A constant file scores all zeros (the z-score detector's rule for a
 * flat history), with a note saying so.
 */
export const detectCommand: Command = {
  name: 'detect',
  summary: 'Score each row of a timestamp,value CSV for anomalies (streaming, from the past only)',
  usage:
    `devsim detect FILE.csv --out SCORES.csv [--probation ${DEFAULT_PROBATION}] [--detector ${Object.keys(DETECTORS).join('|')}] ` +
    `[--window ${ZSCORE_DEFAULTS.window}] [--z-limit ${ZSCORE_DEFAULTS.zLimit}]  (writes timestamp,value,score,anomaly; score in [0, 1], anomaly 0/1)`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      probation: { type: 'string' },
      detector: { type: 'string' },
      window: { type: 'string' },
      'z-limit': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one CSV file to score');
    if (values.out === undefined) throw new UsageError('say where the scores go: --out SCORES.csv');
    const name = values.detector ?? 'zscore';
    if (DETECTORS[name] === undefined) throw new UsageError(`--detector must be one of ${Object.keys(DETECTORS).join(', ')}, not "${name}"`);
    const probation = numberOption('probation', values.probation, DEFAULT_PROBATION, { min: 0, max: 1, exclusive: true });
    const window = numberOption('window', values.window, ZSCORE_DEFAULTS.window, { min: 2, max: 1_000_000, integer: true });
    const zLimit = numberOption('z-limit', values['z-limit'], ZSCORE_DEFAULTS.zLimit, { min: 0.1, max: 100 });
    const file = positionals[0]!;
    const series = readSeriesCsv(file, io);
    if (series === undefined) return EXIT.failed;
    const rows = series.values.length;
    const probationCount = probationRows(rows, probation);
    if (NEEDS_TFJS.has(name)) await useNodeMlBackend();
    const detector = detectorNamed(name, { probationRows: probationCount, parameters: { window, warmup: Math.min(ZSCORE_DEFAULTS.warmup, window), zLimit } });
    const { scores, anomalies } = await runDetector(detector, series.timesMs, series.values, probationCount);
    writeCsv(values.out, 'timestamp,value,score,anomaly', rows, (i) => `${csvField(series.timestampTexts[i]!)},${series.values[i]},${scores[i]},${anomalies[i]}`);
    const flagged = anomalies.reduce((a, b) => a + b, 0);
    if (series.values.every((v) => v === series.values[0])) io.err(`note: ${file} is constant (${series.values[0]}); every score is 0\n`);
    io.out(`${file}: ${rows} rows, ${probationCount} probationary, ${flagged} anomal${flagged === 1 ? 'y' : 'ies'} flagged (${name}); wrote ${values.out}\n`);
    return EXIT.ok;
  },
};
