import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src-main/app/event-bus.js';
import { MAX_STREAM_EVENTS, RunStream } from '../../../src-main/runs/run-stream.js';
import type { EventName } from '../../../src-preload/contract/index.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function listen(bus: EventBus): { name: EventName; payload: unknown }[] {
  const heard: { name: EventName; payload: unknown }[] = [];
  bus.subscribe((name, payload) => heard.push({ name, payload }));
  return heard;
}

describe('RunStream', () => {
  it('sends at most 20 messages a second however often the worker reports', () => {
    const bus = new EventBus();
    const heard = listen(bus);
    const stream = new RunStream('run-x', bus);
    // 5 seconds of a worker reporting every millisecond, each with an event and a frame
    for (let ms = 0; ms < 5000; ms++) {
      stream.records([{ tMs: ms, values: new Float64Array([ms, Number.NaN]) }], [{ tMs: ms, type: 'scaled', message: 'm', severity: 'info' }]);
      stream.update({ state: 'running', simulatedMs: ms * 100, endMs: 1e9, events: ms * 1000 });
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    expect(heard.length).toBeLessThanOrEqual(20 * 5 + 2);
    expect(heard.length).toBeGreaterThanOrEqual(20 * 5 - 4);
    // nothing was lost on the way: every event and frame went out, NaN as null
    const records = heard.filter((h) => h.name === 'runRecords').map((h) => h.payload as { events: unknown[]; frames: { values: (number | null)[] }[] });
    expect(records.reduce((n, r) => n + r.events.length, 0)).toBe(5000);
    expect(records.reduce((n, r) => n + r.frames.length, 0)).toBe(5000);
    expect(records[0]!.frames[0]!.values).toEqual([0, null]);
    const last = heard.filter((h) => h.name === 'runProgress').at(-1)!.payload as { events: number; eventsPerSecond: number };
    expect(last.events).toBe(4_999_000);
    expect(last.eventsPerSecond).toBeCloseTo(1_000_000, -4);
  });

  it('bounds a burst: events past the per-message limit are counted, not sent', () => {
    const bus = new EventBus();
    const heard = listen(bus);
    const stream = new RunStream('run-y', bus);
    const burst = Array.from({ length: MAX_STREAM_EVENTS + 500 }, (_, i) => ({ tMs: i, type: 'scaled' as const, message: 'm', severity: 'info' as const }));
    stream.records([], burst);
    vi.advanceTimersByTime(100);
    const [records] = heard.map((h) => h.payload as { events: unknown[]; droppedEvents: number });
    expect(records!.events).toHaveLength(MAX_STREAM_EVENTS);
    expect(records!.droppedEvents).toBe(500);
  });

  it('sends what is pending, then the final word, when the run finishes', () => {
    const bus = new EventBus();
    const heard = listen(bus);
    const stream = new RunStream('run-z', bus);
    stream.update({ state: 'running', simulatedMs: 1, endMs: 10, events: 1 });
    vi.advanceTimersByTime(0);
    stream.update({ state: 'running', simulatedMs: 10, endMs: 10, events: 9 });
    stream.finish({ id: 'run-z' } as never);
    expect(heard.map((h) => h.name)).toEqual(['runProgress', 'runProgress', 'runFinished']);
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveLength(3);
  });
});
