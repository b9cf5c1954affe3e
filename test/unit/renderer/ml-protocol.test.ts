import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest, requestId } from '../../../src-renderer/src/ml/protocol.js';
import { DEFAULT_ML_SPEC } from '../../../src-renderer/src/stores/ml-slice.js';
import { ARTEFACT, RESULT } from './ml-fake-worker.js';

const series = { source: 'run' as const, name: 'api/latency_p95_ms', origin: 'run-1', stepMs: 5000, timesMs: [0, 5000, 10000, 15000], values: [1, 2, 2, 4], labels: [0, 0, 1, 0] as (0 | 1)[] };

describe('ML worker requests', () => {
  it('accepts a train request with its series and settings, a cancel and a predict', () => {
    expect(parseRequest({ type: 'train', id: 'train-1', series, spec: DEFAULT_ML_SPEC })).toEqual({ ok: true, value: { type: 'train', id: 'train-1', series, spec: DEFAULT_ML_SPEC } });
    expect(parseRequest({ type: 'cancel', id: 'train-1' }).ok).toBe(true);
    expect(parseRequest({ type: 'predict', id: 'p-1', windows: [[1, 2, 3]] }).ok).toBe(true);
    expect(parseRequest({ type: 'score', id: 's-1', windows: [[1, 2, 3]], actual: [4] }).ok).toBe(true);
    const unmatched = parseRequest({ type: 'score', id: 's-1', windows: [[1, 2, 3]], actual: [4, 5] });
    expect(unmatched.ok ? '' : unmatched.message).toMatch(/at actual: one actual value per window/);
  });

  it('refuses a malformed request with a message naming the field', () => {
    const badWindow = parseRequest({ type: 'train', id: 'train-1', series, spec: { ...DEFAULT_ML_SPEC, window: 1 } });
    expect(badWindow).toEqual({ ok: false, message: expect.stringMatching(/^A malformed request to the ML worker at spec\.window: /) });
    const nan = parseRequest({ type: 'train', id: 'train-1', series: { ...series, values: [1, NaN, 2, 4] }, spec: DEFAULT_ML_SPEC });
    expect(nan.ok ? '' : nan.message).toMatch(/at series\.values\.1: /);
    const ragged = parseRequest({ type: 'train', id: 'train-1', series: { ...series, labels: [0] }, spec: DEFAULT_ML_SPEC });
    expect(ragged.ok ? '' : ragged.message).toMatch(/at series\.values: timesMs, values and labels must have one entry per point/);
    const detector = parseRequest({ type: 'train', id: 'train-1', series, spec: { ...DEFAULT_ML_SPEC, purpose: 'anomaly-detector', horizon: 3 } });
    expect(detector.ok ? '' : detector.message).toMatch(/at spec\.horizon: an anomaly detector predicts the next point/);
    const noTest = parseRequest({ type: 'train', id: 'train-1', series, spec: { ...DEFAULT_ML_SPEC, trainFraction: 0.8, validationFraction: 0.2 } });
    expect(noTest.ok ? '' : noTest.message).toMatch(/at spec\.validationFraction: .*leave a test part/);
    const extra = parseRequest({ type: 'cancel', id: 'x', force: true });
    expect(extra.ok).toBe(false);
    const unknown = parseRequest({ type: 'explode', id: 'x' });
    expect(unknown.ok ? '' : unknown.message).toMatch(/at type: /);
  });

  it('finds the id of a refused request so the refusal reaches its sender', () => {
    expect(requestId({ type: 'train', id: 'train-7' })).toBe('train-7');
    expect(requestId({ type: 'train', id: 7 })).toBeNull();
    expect(requestId(null)).toBeNull();
  });
});

describe('ML worker replies', () => {
  it('accepts the backend, progress, outcome and failure replies', () => {
    expect(parseReply({ type: 'backend', backend: 'wasm', fallbacks: [] }).ok).toBe(true);
    expect(parseReply({ type: 'progress', id: 'train-1', epochs: 5, figures: { epoch: 1, loss: 0.9, valLoss: null, elapsedMs: 12 } }).ok).toBe(true);
    expect(parseReply({ type: 'cancelled', id: 'train-1', epochsDone: 2 }).ok).toBe(true);
    expect(parseReply({ type: 'trained', id: 'train-1', result: RESULT, artefact: ARTEFACT }).ok).toBe(true);
    expect(parseReply({ type: 'failed', id: null, message: 'no' }).ok).toBe(true);
  });

  it('refuses a reply with a loss that is not a number, naming the field', () => {
    const got = parseReply({ type: 'progress', id: 'train-1', epochs: 5, figures: { epoch: 1, loss: NaN, valLoss: 0.1, elapsedMs: 12 } });
    expect(got).toEqual({ ok: false, message: expect.stringMatching(/^A malformed reply from the ML worker at figures\.loss: /) });
    expect(parseReply({ type: 'backend', backend: 'webgpu', fallbacks: [] }).ok).toBe(false);
    expect(parseReply({ type: 'scored', id: 's-1', scores: [1.5] }).ok).toBe(false);
    const otherFormat = parseReply({ type: 'trained', id: 'train-1', result: RESULT, artefact: { ...ARTEFACT, formatVersion: 2 } });
    expect(otherFormat.ok ? '' : otherFormat.message).toMatch(/at artefact\.formatVersion: /);
  });
});
