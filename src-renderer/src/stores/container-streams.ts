import type { StateCreator } from 'zustand/vanilla';
import type { DevsimApi, LogLine, StatsSample } from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import { messageOf } from './errors.js';

/** Lines kept in the logs panel; older ones scroll away. */
export const MAX_LOG_LINES = 5000;
/** Stats samples kept per chart (about ten minutes at one a second). */
export const MAX_STATS_SAMPLES = 600;

export interface LogsView {
  streamId: string;
  containerId: string;
  lines: LogLine[];
  follow: boolean;
  ended: string | null;
}

export interface StatsView {
  streamId: string;
  containerId: string;
  samples: StatsSample[];
  ended: string | null;
}

export interface ContainerStreamsSlice {
  logs: LogsView | null;
  stats: StatsView | null;
  /** The stats of the container behind one node, shown beside its simulated metrics in the Run view. */
  nodeStats: (StatsView & { node: string }) | null;
  streamError: string | null;
  openNodeStats(node: string, containerId: string): Promise<void>;
  closeNodeStats(): Promise<void>;
  openLogs(containerId: string, follow?: boolean): Promise<void>;
  closeLogs(): Promise<void>;
  openStats(containerId: string): Promise<void>;
  closeStats(): Promise<void>;
}

let counter = 0;
const streamId = (kind: string): string => `${kind}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The one logs stream and one stats stream the Containers screen shows. */
export const createContainerStreams =
  (api: DevsimApi): StateCreator<AppState, [], [], ContainerStreamsSlice> =>
  (set, get) => {
    let subscribed = false;
    const subscribe = (): void => {
      if (subscribed) return;
      subscribed = true;
      api.onLogChunk((chunk) => {
        const logs = get().logs;
        if (!logs || logs.streamId !== chunk.streamId) return;
        const lines = [...logs.lines, ...chunk.lines];
        set({ logs: { ...logs, lines: lines.length > MAX_LOG_LINES ? lines.slice(-MAX_LOG_LINES) : lines } });
      });
      api.onStatsSample((sample) => {
        const { stats, nodeStats } = get();
        const add = (samples: StatsSample[]): StatsSample[] => (samples.length >= MAX_STATS_SAMPLES ? [...samples.slice(1 - MAX_STATS_SAMPLES), sample] : [...samples, sample]);
        if (stats?.streamId === sample.streamId) set({ stats: { ...stats, samples: add(stats.samples) } });
        if (nodeStats?.streamId === sample.streamId) set({ nodeStats: { ...nodeStats, samples: add(nodeStats.samples) } });
      });
      api.onDockerStreamEnded((end) => {
        const { logs, stats, nodeStats } = get();
        if (logs?.streamId === end.streamId) set({ logs: { ...logs, ended: end.message } });
        if (stats?.streamId === end.streamId) set({ stats: { ...stats, ended: end.message } });
        if (nodeStats?.streamId === end.streamId) set({ nodeStats: { ...nodeStats, ended: end.message } });
      });
    };

    return {
      logs: null,
      stats: null,
      nodeStats: null,
      streamError: null,
      openNodeStats: async (node, containerId) => {
        subscribe();
        const current = get().nodeStats;
        if (current?.containerId === containerId && current.ended === null) return;
        await get().closeNodeStats();
        const id = streamId('node-stats');
        set({ nodeStats: { node, streamId: id, containerId, samples: [], ended: null } });
        try {
          await api.startStats({ streamId: id, id: containerId });
        } catch (err) {
          set({ nodeStats: { node, streamId: id, containerId, samples: [], ended: messageOf(err) } });
        }
      },
      closeNodeStats: async () => {
        const stats = get().nodeStats;
        if (!stats) return;
        set({ nodeStats: null });
        await api.stopStats({ streamId: stats.streamId }).catch(() => undefined);
      },
      openLogs: async (containerId, follow = true) => {
        subscribe();
        await get().closeLogs();
        const id = streamId('logs');
        set({ logs: { streamId: id, containerId, lines: [], follow, ended: null }, streamError: null });
        try {
          await api.startLogs({ streamId: id, id: containerId, follow, timestamps: true, tail: 500 });
        } catch (err) {
          set({ streamError: messageOf(err), logs: null });
        }
      },
      closeLogs: async () => {
        const logs = get().logs;
        if (!logs) return;
        set({ logs: null });
        await api.stopLogs({ streamId: logs.streamId }).catch(() => undefined);
      },
      openStats: async (containerId) => {
        subscribe();
        await get().closeStats();
        const id = streamId('stats');
        set({ stats: { streamId: id, containerId, samples: [], ended: null }, streamError: null });
        try {
          await api.startStats({ streamId: id, id: containerId });
        } catch (err) {
          set({ streamError: messageOf(err), stats: null });
        }
      },
      closeStats: async () => {
        const stats = get().stats;
        if (!stats) return;
        set({ stats: null });
        await api.stopStats({ streamId: stats.streamId }).catch(() => undefined);
      },
    };
  };
