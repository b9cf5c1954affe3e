// Reopening a big run: more frames and events than one contract call returns, read from a real
// SQLite file through the contract's own argument checks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runMethods, type DevsimApi, type RunEventDto } from '../../../src-preload/contract/index.js';
import { Store } from '../../../src-main/store/store.js';
import { readAllEvents, readAllFrames } from '../../../src-renderer/src/stores/run-reading.js';

const FRAMES = 120_000; // over the contract's 100,000 per call
const EVENTS = 130_000; // three events a millisecond, so pages end inside a millisecond
const ID = 'run-big';
let dir: string;
let store: Store;

/** The two read methods as the host answers them: arguments parsed by the contract, then SQLite. */
function hostApi() {
  return {
    getRunSeries: vi.fn(async (args: Parameters<DevsimApi['getRunSeries']>[0]) => store.runs.series(ID, runMethods.getRunSeries.args.parse(args))!),
    getRunEvents: vi.fn(async (args: Parameters<DevsimApi['getRunEvents']>[0]) => store.runs.events(ID, runMethods.getRunEvents.args.parse(args))!),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'devsim-big-run-'));
  store = Store.open(dir);
  store.runs.create({
    id: ID,
    name: 'A day at 0.5 s',
    createdAt: '2026-11-27T06:00:00.000Z',
    document: { metadata: { name: 'big' }, nodes: {} },
    seed: 1,
    parameters: { durationS: 60_000, warmupS: 0, speed: 'max', seriesIntervalS: 0.5 },
    state: 'completed',
    endMs: FRAMES * 500,
    layout: { intervalMs: 500, nodes: ['api'], metrics: ['arrivals_rps', 'latency_p99_ms'] },
  });
  for (let start = 0; start < FRAMES; start += 20_000) {
    const frames = Array.from({ length: 20_000 }, (_, i) => ({ tMs: (start + i + 1) * 500, values: new Float64Array([start + i, 7]) }));
    store.runs.append(ID, frames, []);
  }
  for (let start = 0; start < EVENTS; start += 26_000) {
    const events: RunEventDto[] = Array.from({ length: 26_000 }, (_, i) => ({ tMs: Math.floor((start + i) / 3), type: 'scaled', severity: 'info', message: `event ${start + i}` }));
    store.runs.append(ID, [], events);
  }
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reading a stored run back whole', () => {
  it('one call of the contract cannot return it all', async () => {
    const api = hostApi();
    const one = await api.getRunSeries({ id: ID, limit: 100_000 });
    expect(one.truncated).toBe(true);
    expect(one.frames).toHaveLength(100_000);
    expect(() => runMethods.getRunSeries.args.parse({ id: ID, limit: 100_001 })).toThrow();
  });

  it('frames: every one of 120,000, in order, over its whole time range, page by page', async () => {
    const api = hostApi();
    const { layout, frames } = await readAllFrames(api, ID);
    expect(layout.nodes).toEqual(['api']);
    expect(frames).toHaveLength(FRAMES);
    expect(frames[0]).toEqual({ tMs: 500, values: [0, 7] });
    expect(frames.at(-1)).toEqual({ tMs: FRAMES * 500, values: [FRAMES - 1, 7] });
    expect(frames.every((f, i) => f.tMs === (i + 1) * 500)).toBe(true);
    expect(api.getRunSeries).toHaveBeenCalledTimes(3);
    for (const [args] of api.getRunSeries.mock.calls) expect(args.limit).toBeLessThanOrEqual(100_000);
  });

  it('events: every one of 130,000 exactly once, pages ending inside a millisecond included', async () => {
    const api = hostApi();
    const { events, complete } = await readAllEvents(api, ID, 40_000);
    expect(complete).toBe(true);
    expect(events).toHaveLength(EVENTS);
    expect(events.every((e, i) => e.message === `event ${i}`)).toBe(true);
    expect(api.getRunEvents.mock.calls.length).toBeGreaterThanOrEqual(4);
  });

  it('events: more than a page in one millisecond cannot be paged by time; that is said, not looped on', async () => {
    const api = hostApi();
    const { events, complete } = await readAllEvents(api, ID, 2);
    // Three events share each millisecond: the third of the first one is out of reach with pages of two.
    expect(complete).toBe(false);
    expect(events.map((e) => e.message)).toEqual(['event 0', 'event 1']);
  });
});
