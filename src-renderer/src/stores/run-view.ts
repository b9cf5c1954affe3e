import type { StoreApi } from 'zustand/vanilla';
import type { DevsimApi, RunInfo } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import { messageOf } from './errors.js';
import { readAllFrames } from './run-reading.js';
import { appendFrames, emptySeries, type RunSeries } from './run-series.js';

/** A stored run drawn beside the shown one. */
export interface CompareRun {
  info: RunInfo;
  series: RunSeries;
}

/** What the Run screen looks at: picked nodes, the time cursor, the run compared with. */
export interface RunViewSlice {
  /** Nodes the charts show (the end-to-end entry included); null: the default choice. */
  runPicked: string[] | null;
  setRunPicked(nodes: string[]): void;
  /** The charts' time cursor in simulated ms (an event or alert clicked); null: none. */
  runCursorMs: number | null;
  setRunCursor(ms: number | null): void;
  /** Where the pointer is on the charts, in simulated ms; null: not over them. */
  runHoverMs: number | null;
  setRunHover(ms: number | null): void;
  compare: CompareRun | null;
  compareBusy: boolean;
  compareError: string | null;
  /** Loads a stored run to draw dashed beside the shown one. */
  openCompare(id: string): Promise<void>;
  closeCompare(): void;
}

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

export function createRunView(api: DevsimApi, set: Set, get: Get): RunViewSlice {
  return {
    runPicked: null,
    setRunPicked: (nodes) => set({ runPicked: [...new Set(nodes)] }),
    runCursorMs: null,
    setRunCursor: (ms) => set({ runCursorMs: ms }),
    runHoverMs: null,
    setRunHover: (ms) => {
      if (get().runHoverMs !== ms) set({ runHoverMs: ms });
    },
    compare: null,
    compareBusy: false,
    compareError: null,
    openCompare: async (id) => {
      set({ compareBusy: true, compareError: null });
      try {
        // Every stored frame: a long run at a fine interval has more than one call returns.
        const [info, frames] = await Promise.all([api.getRun({ id }), readAllFrames(api, id)]);
        const series = emptySeries(frames.layout.nodes, frames.layout.metrics, Math.max(256, frames.frames.length));
        appendFrames(series, frames.frames);
        set({ compare: { info, series } });
      } catch (err) {
        set({ compareError: messageOf(err) });
      } finally {
        set({ compareBusy: false });
      }
    },
    closeCompare: () => set({ compare: null, compareError: null }),
  };
}
