import type { StateCreator } from 'zustand/vanilla';
import { FINAL_RUN_STATES, type Deployment, type DevsimApi, type Fault, type RunEventDto, type RunInfo, type RunSpeed, type RunStateName, type SeriesFrameDto, type Topology } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import { messageOf } from './errors.js';
import { readAllEvents, readAllFrames } from './run-reading.js';
import { appendFrames, emptySeries, type RunSeries } from './run-series.js';
import { createRunView, type RunViewSlice } from './run-view.js';

export interface RunSettings {
  durationS: number | null;
  seed: number | null;
  speed: RunSpeed;
  /** Seconds between series frames; null: the document's scrape interval. */
  seriesIntervalS: number | null;
}

export interface LiveRun {
  id: string;
  state: RunStateName;
  simulatedMs: number;
  endMs: number;
  events: number;
  eventsPerSecond: number;
  series: RunSeries;
  log: RunEventDto[];
  droppedEvents: number;
  /** Bumped on every batch of records: the arrays in `series` and `log` grow in place. */
  version: number;
  summary: Record<string, unknown> | null;
  error: string | null;
  stopReason: string | null;
  /** The document the run simulated (its canvas draws this, not whatever is open now); null if it could not be read back. */
  document: Topology | null;
}

export interface RunSlice extends RunViewSlice {
  runSettings: RunSettings;
  run: LiveRun | null;
  /** What the run controls are doing ("Starting…"); null when idle. */
  runBusy: string | null;
  /** A start or control call the host refused. */
  runError: string | null;
  setRunSettings(patch: Partial<RunSettings>): void;
  startRun(): Promise<void>;
  pauseRun(): Promise<void>;
  resumeRun(): Promise<void>;
  stepRun(events?: number): Promise<void>;
  stopRun(): Promise<void>;
  /** Sets the speed for the next run and, while one goes, for it too. */
  changeSpeed(speed: RunSpeed): Promise<void>;
  /** The stored runs, newest first; null until loaded. */
  runs: RunInfo[] | null;
  runsError: string | null;
  loadRuns(): Promise<void>;
  /** Loads a stored run (info, series, events) into the same view as a live one. */
  openRun(id: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  /** A fault now, in the run that is going. */
  injectFault(fault: Fault): Promise<void>;
  /** A new version rolled out now, in the run that is going. */
  startDeployment(deployment: Deployment): Promise<void>;
}

type Pushed = { kind: 'progress'; id: string; apply: (r: LiveRun) => Partial<LiveRun> } | { kind: 'records'; id: string; frames: SeriesFrameDto[]; events: RunEventDto[]; dropped: number } | { kind: 'finished'; id: string; info: RunInfo };

export const isFinal = (state: RunStateName): boolean => FINAL_RUN_STATES.includes(state);

export const createRunSlice =
  (api: DevsimApi): StateCreator<AppState, [], [], RunSlice> =>
  (set, get) => {
    let subscribed = false;
    /** Messages that came while startRun was on its way (the id is not known yet). */
    let pending: Pushed[] | null = null;

    const apply = (msg: Pushed): void => {
      const run = get().run;
      if (!run || run.id !== msg.id) return;
      if (msg.kind === 'progress') {
        if (isFinal(run.state)) return;
        set({ run: { ...run, ...msg.apply(run) } });
      } else if (msg.kind === 'records') {
        if (run.series.nodes.length === 0 && msg.frames.length > 0) {
          // startRun answered before the worker knew the layout: ask for it once, hold the frames.
          for (const f of msg.frames) framesWithoutLayout.push(f);
          fetchLayout(run.id);
        } else appendFrames(run.series, msg.frames);
        for (const e of msg.events) run.log.push(e);
        set({ run: { ...run, droppedEvents: run.droppedEvents + msg.dropped, version: run.version + 1 } });
      } else {
        const i = msg.info;
        const series = withLayout(run.series, i);
        set({
          run: { ...run, series, version: run.version + 1, state: i.state, simulatedMs: i.simulatedMs, endMs: i.endMs, events: i.events, summary: i.summary, error: i.error, stopReason: i.stopReason },
        });
        // At full speed the live stream skips frames (it is bounded per flush); storage has them all.
        if (series.length < Math.floor(i.simulatedMs / i.layout.intervalMs)) void fetchAllFrames(i.id);
        void get().loadRuns();
      }
    };
    let framesWithoutLayout: SeriesFrameDto[] = [];
    let layoutAsked: string | null = null;
    /** The series with the run's layout, and the held frames in it, once the layout is known. */
    const withLayout = (series: RunSeries, info: RunInfo): RunSeries => {
      if (series.nodes.length > 0 || info.layout.nodes.length === 0) return series;
      const next = emptySeries(info.layout.nodes, info.layout.metrics);
      appendFrames(next, framesWithoutLayout);
      framesWithoutLayout = [];
      return next;
    };
    const fetchLayout = (id: string): void => {
      if (layoutAsked === id) return;
      layoutAsked = id;
      api.getRun({ id }).then(
        (info) => {
          const run = get().run;
          if (run?.id !== id) return;
          set({ run: { ...run, series: withLayout(run.series, info), version: run.version + 1 } });
        },
        () => {
          layoutAsked = null; // asked again with the next batch
        },
      );
    };
    /** Replaces the live series of a finished run with every stored frame. */
    const fetchAllFrames = async (id: string): Promise<void> => {
      try {
        const stored = await readAllFrames(api, id);
        const run = get().run;
        if (run?.id !== id) return;
        const series = emptySeries(stored.layout.nodes, stored.layout.metrics, Math.max(256, stored.frames.length));
        appendFrames(series, stored.frames);
        set({ run: { ...run, series, version: run.version + 1 } });
      } catch {
        // The live frames stay: a gap in the charts, not an error to show.
      }
    };
    const deliver = (msg: Pushed): void => {
      if (pending) pending.push(msg);
      else apply(msg);
    };
    const subscribe = (): void => {
      if (subscribed) return;
      subscribed = true;
      api.onRunProgress((p) =>
        deliver({ kind: 'progress', id: p.id, apply: () => ({ state: p.state, simulatedMs: p.simulatedMs, endMs: p.endMs, events: p.events, eventsPerSecond: p.eventsPerSecond }) }),
      );
      api.onRunRecords((r) => deliver({ kind: 'records', id: r.id, frames: r.frames, events: r.events, dropped: r.droppedEvents }));
      api.onRunFinished((info) => deliver({ kind: 'finished', id: info.id, info }));
    };
    /** A control call on the current run; the reply's state wins unless the run already ended. */
    const control = async (busy: string, op: (id: string) => Promise<RunInfo>): Promise<void> => {
      const run = get().run;
      if (!run || isFinal(run.state)) return;
      set({ runBusy: busy, runError: null });
      try {
        const info = await op(run.id);
        const now = get().run;
        if (now?.id === info.id && !isFinal(now.state)) set({ run: { ...now, state: info.state, simulatedMs: info.simulatedMs, events: info.events } });
      } catch (err) {
        set({ runError: messageOf(err) });
      } finally {
        set({ runBusy: null });
      }
    };

    return {
      ...createRunView(api, set, get),
      runSettings: { durationS: null, seed: null, speed: 'max', seriesIntervalS: null },
      run: null,
      runBusy: null,
      runError: null,
      setRunSettings: (patch) => set((s) => ({ runSettings: { ...s.runSettings, ...patch } })),
      startRun: async () => {
        const doc = get().doc;
        if (!doc?.document || doc.findings.some((f) => f.severity === 'error')) return;
        const current = get().run;
        if (current && !isFinal(current.state)) return;
        subscribe();
        const { durationS, seed, speed, seriesIntervalS } = get().runSettings;
        set({ runBusy: 'Starting…', runError: null });
        pending = [];
        try {
          const info = await api.startRun({
            document: doc.document,
            name: doc.document.metadata.name,
            ...(doc.path ? { documentPath: doc.path } : {}),
            parameters: { speed, ...(durationS !== null ? { durationS } : {}), ...(seed !== null ? { seed } : {}), ...(seriesIntervalS !== null ? { seriesIntervalS } : {}) },
          });
          framesWithoutLayout = [];
          set({
            run: runView(info, emptySeries(info.layout.nodes, info.layout.metrics), [], 0, doc.document),
            runCursorMs: null,
            runHoverMs: null,
          });
          const early = pending;
          pending = null;
          for (const msg of early) apply(msg);
        } catch (err) {
          pending = null;
          set({ runError: messageOf(err) });
        } finally {
          set({ runBusy: null });
        }
      },
      pauseRun: () => control('Pausing…', (id) => api.pauseRun({ id })),
      resumeRun: () => control('Resuming…', (id) => api.resumeRun({ id })),
      stepRun: (events = 1) => control('Stepping…', (id) => api.stepRun({ id, events })),
      stopRun: () => control('Stopping…', (id) => api.cancelRun({ id })),
      changeSpeed: async (speed) => {
        get().setRunSettings({ speed });
        await control('Changing speed…', (id) => api.setRunSpeed({ id, speed }));
      },
      runs: null,
      runsError: null,
      loadRuns: async () => {
        try {
          const runs = await api.listRuns();
          set({ runs: [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), runsError: null });
        } catch (err) {
          set({ runsError: messageOf(err) });
        }
      },
      openRun: async (id) => {
        const current = get().run;
        if (current && !isFinal(current.state)) return;
        subscribe();
        set({ runBusy: 'Opening…', runError: null });
        try {
          // Every stored frame and event, page by page: a long run has more than one call returns.
          const [info, frames, events, document] = await Promise.all([
            api.getRun({ id }),
            readAllFrames(api, id),
            readAllEvents(api, id),
            // A document that no longer reads costs the run its canvas, not its charts.
            api.getRunDocument({ id }).then(
              (r) => r.document,
              () => null,
            ),
          ]);
          const series = emptySeries(frames.layout.nodes, frames.layout.metrics, Math.max(256, frames.frames.length));
          appendFrames(series, frames.frames);
          framesWithoutLayout = [];
          set({
            run: runView(info, series, [...events.events], info.dropped.events, document),
            runCursorMs: null,
            runHoverMs: null,
            ...(get().compare?.info.id === id ? { compare: null } : {}),
          });
        } catch (err) {
          set({ runError: messageOf(err) });
        } finally {
          set({ runBusy: null });
        }
      },
      deleteRun: async (id) => {
        const current = get().run;
        if (current?.id === id && !isFinal(current.state)) return;
        try {
          await api.deleteRun({ id });
          set((s) => ({ runs: s.runs?.filter((r) => r.id !== id) ?? null, run: s.run?.id === id ? null : s.run, compare: s.compare?.info.id === id ? null : s.compare, runsError: null }));
        } catch (err) {
          set({ runsError: messageOf(err) });
        }
      },
      injectFault: (fault) => control('Injecting a fault…', (id) => api.injectFault({ id, fault })),
      startDeployment: (deployment) => control('Starting a deployment…', (id) => api.startDeployment({ id, deployment })),
    };
  };

/** A run as the screen shows it, from the host's record of it, its series so far and its event log. */
function runView(info: RunInfo, series: RunSeries, log: RunEventDto[], droppedEvents: number, document: Topology | null): LiveRun {
  return {
    id: info.id,
    state: info.state,
    simulatedMs: info.simulatedMs,
    endMs: info.endMs,
    events: info.events,
    eventsPerSecond: 0,
    series,
    log,
    droppedEvents,
    version: 0,
    summary: info.summary,
    error: info.error,
    stopReason: info.stopReason,
    document,
  };
}
