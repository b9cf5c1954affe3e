import type { StateCreator } from 'zustand/vanilla';
import type {
  BringUpPlanDto,
  BringUpProgress,
  BringUpState,
  ChaosActionName,
  ChaosEvent,
  ContainerActionName,
  ContainerSummary,
  DevsimApi,
  DockerStatus,
  ImageSummary,
  OperationProgress,
} from '../../../src-preload/contract/index.js';
import type { AppState } from './app-store.js';
import { createContainerStreams, type ContainerStreamsSlice } from './container-streams.js';
import { messageOf } from './errors.js';

export interface BringUpView {
  id: string;
  topologyId: string;
  progress: BringUpProgress[];
  state: 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
  /** The image a failed bring-up found missing: the screen offers to pull it. */
  missingImage: string | null;
}

export interface ScenarioView {
  operationId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** What could not be played, and steps the engine refused, in words. */
  notes: string[];
  error: string | null;
}

export interface PullView {
  operationId: string;
  image: string;
  progress: OperationProgress | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
}

export interface ContainersSlice extends ContainerStreamsSlice {
  dockerStatus: DockerStatus | null;
  containers: ContainerSummary[];
  images: ImageSummary[] | null;
  /** The last call the engine refused, in words. */
  containersError: string | null;
  /** What is being done ("Stopping web-1…"); null when idle. */
  containersBusy: string | null;
  selectedContainer: string | null;
  inspected: { id: string; data: Record<string, unknown> } | null;
  plan: BringUpPlanDto | null;
  bringUp: BringUpView | null;
  bringUps: BringUpState[];
  chaosEvents: ChaosEvent[];
  pull: PullView | null;
  scenario: ScenarioView | null;
  /** Plays the open document's planned faults on its brought-up containers. */
  playScenario(speed: number): Promise<void>;
  cancelScenario(): Promise<void>;
  /** Pulls an image with progress (needs a reachable registry); cancellable. */
  pullImage(image: string): Promise<void>;
  cancelPull(): Promise<void>;
  /** Subscribes to engine events (once) and loads status, containers, images and bring-ups. */
  openContainers(): Promise<void>;
  /** Finds the engine again (the address comes from Settings, DOCKER_HOST or the usual sockets). */
  reconnectDocker(): Promise<void>;
  loadContainers(): Promise<void>;
  loadImages(): Promise<void>;
  selectContainer(id: string | null): void;
  /** A person's action on one container: explicit, so it may touch one the app did not create. */
  actOnContainer(id: string, action: ContainerActionName): Promise<void>;
  /** The screen asks for confirmation first. */
  removeContainer(id: string): Promise<void>;
  inspectContainer(id: string): Promise<void>;
  removeImage(image: string): Promise<void>;
  planOpenDocument(): Promise<void>;
  bringUpOpenDocument(): Promise<void>;
  cancelBringUp(): Promise<void>;
  tearDownTopology(topologyId: string): Promise<void>;
  chaos(id: string, action: ChaosActionName): Promise<void>;
}

let counter = 0;
/** An id for an operation the renderer can cancel before the reply comes. */
export const operationId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const createContainersSlice =
  (api: DevsimApi): StateCreator<AppState, [], [], ContainersSlice> =>
  (set, get, store) => {
    let subscribed = false;
    const attempt = async <T>(busy: string, call: () => Promise<T>): Promise<T | undefined> => {
      set({ containersBusy: busy, containersError: null });
      try {
        return await call();
      } catch (err) {
        set({ containersError: messageOf(err) });
        return undefined;
      } finally {
        set({ containersBusy: null });
      }
    };
    const loadBringUps = async (): Promise<void> => {
      try {
        set({ bringUps: await api.listBringUps() });
      } catch {
        set({ bringUps: [] }); // no engine: the status says why
      }
    };
    const subscribe = (): void => {
      if (subscribed) return;
      subscribed = true;
      api.onDockerStatus((status) => {
        const was = get().dockerStatus?.state;
        set({ dockerStatus: status });
        if (status.state === 'connected' && was !== 'connected') void get().loadContainers();
      });
      api.onContainersChanged(({ containers }) => {
        set({ containers });
        void loadBringUps();
      });
      api.onBringUpProgress((progress) => {
        const current = get().bringUp;
        if (!current || current.id !== progress.bringUpId) return;
        set({ bringUp: { ...current, progress: [...current.progress, progress] } });
      });
      api.onOperationProgress((progress) => {
        const pull = get().pull;
        if (pull?.operationId === progress.operationId) set({ pull: { ...pull, progress } });
      });
      api.onChaosRecorded((event) => {
        if (get().chaosEvents.some((e) => e.at === event.at && e.container === event.container && e.type === event.type)) return;
        set({ chaosEvents: [...get().chaosEvents, event] });
      });
    };

    return {
      ...createContainerStreams(api)(set, get, store),
      dockerStatus: null,
      containers: [],
      images: null,
      containersError: null,
      containersBusy: null,
      selectedContainer: null,
      inspected: null,
      plan: null,
      bringUp: null,
      bringUps: [],
      chaosEvents: [],
      pull: null,
      scenario: null,

      playScenario: async (speed) => {
        const document = get().doc?.document;
        if (!document) return set({ containersError: 'Open a valid topology document first.' });
        subscribe();
        const id = operationId('scenario');
        set({ scenario: { operationId: id, state: 'running', notes: [], error: null } });
        try {
          const result = await api.runChaosScenario({ operationId: id, document, speed });
          const notes = [...result.skipped.map((s) => `${s.fault}: ${s.reason}`), ...result.failed.map((f) => `${f.step}: ${f.reason}`)];
          set({ scenario: { operationId: id, state: result.cancelled ? 'cancelled' : 'done', notes, error: null } });
        } catch (err) {
          set({ scenario: { operationId: id, state: 'failed', notes: [], error: messageOf(err) } });
        }
        await get().loadContainers();
      },
      cancelScenario: async () => {
        const scenario = get().scenario;
        if (scenario?.state === 'running') await api.cancelChaosScenario({ operationId: scenario.operationId }).catch(() => undefined);
      },
      pullImage: async (image) => {
        subscribe();
        const id = operationId('pull');
        set({ pull: { operationId: id, image, progress: null, state: 'running', error: null } });
        try {
          const result = await api.pullImage({ operationId: id, image });
          set({ pull: { ...get().pull!, state: result.cancelled ? 'cancelled' : 'done' } });
        } catch (err) {
          set({ pull: { ...get().pull!, state: 'failed', error: messageOf(err) } });
        }
        await get().loadImages();
      },
      cancelPull: async () => {
        const pull = get().pull;
        if (pull?.state === 'running') await api.cancelOperation({ operationId: pull.operationId }).catch(() => undefined);
      },
      openContainers: async () => {
        subscribe();
        try {
          set({ dockerStatus: await api.dockerStatus() });
        } catch (err) {
          set({ containersError: messageOf(err) });
          return;
        }
        if (get().dockerStatus?.state !== 'connected') return;
        await Promise.all([get().loadContainers(), get().loadImages(), loadBringUps()]);
      },
      reconnectDocker: async () => {
        const status = await attempt('Connecting to Docker…', () => api.dockerConnect());
        if (status) set({ dockerStatus: status });
        if (status?.state === 'connected') await Promise.all([get().loadContainers(), get().loadImages(), loadBringUps()]);
      },
      loadContainers: async () => {
        try {
          set({ containers: await api.listContainers() });
        } catch (err) {
          set({ containersError: messageOf(err) });
        }
      },
      loadImages: async () => {
        try {
          set({ images: await api.listImages() });
        } catch (err) {
          set({ containersError: messageOf(err) });
        }
      },
      selectContainer: (id) => set({ selectedContainer: id, inspected: null }),
      actOnContainer: async (id, action) => {
        await attempt(`${action} ${id}…`, () => api.containerAction({ id, action, explicit: true }));
        await get().loadContainers();
      },
      removeContainer: async (id) => {
        const done = await attempt(`Removing ${id}…`, () => api.removeContainer({ id, force: true, explicit: true }));
        if (done && get().selectedContainer === id) set({ selectedContainer: null, inspected: null });
        await get().loadContainers();
      },
      inspectContainer: async (id) => {
        const data = await attempt(`Inspecting ${id}…`, () => api.inspectContainer({ id }));
        if (data) set({ inspected: { id, data } });
      },
      removeImage: async (image) => {
        await attempt(`Removing image ${image}…`, () => api.removeImage({ image, force: false }));
        await get().loadImages();
      },
      planOpenDocument: async () => {
        const document = get().doc?.document;
        if (!document) return set({ plan: null, containersError: 'Open a valid topology document to bring it up.' });
        const plan = await attempt('Planning…', () => api.planBringUp({ document }));
        set({ plan: plan ?? null });
      },
      bringUpOpenDocument: async () => {
        const document = get().doc?.document;
        if (!document) return set({ containersError: 'Open a valid topology document to bring it up.' });
        subscribe();
        const id = operationId('up');
        set({ bringUp: { id, topologyId: get().plan?.topologyId ?? '', progress: [], state: 'running', error: null, missingImage: null }, containersError: null });
        try {
          const result = await api.bringUp({ bringUpId: id, document });
          set({ bringUp: { ...get().bringUp!, topologyId: result.topologyId, state: 'done' } });
        } catch (err) {
          const code = (err as { code?: string }).code;
          const missingImage = code === 'IMAGE_MISSING' ? (/Image "([^"]+)"/.exec(messageOf(err))?.[1] ?? null) : null;
          set({ bringUp: { ...get().bringUp!, state: code === 'CANCELLED' ? 'cancelled' : 'failed', error: messageOf(err), missingImage } });
        }
        await Promise.all([get().loadContainers(), loadBringUps()]);
      },
      cancelBringUp: async () => {
        const current = get().bringUp;
        if (current?.state === 'running') await attempt('Cancelling…', () => api.cancelBringUp({ bringUpId: current.id }));
      },
      tearDownTopology: async (topologyId) => {
        await attempt(`Tearing down ${topologyId}…`, () => api.tearDown({ topologyId }));
        await Promise.all([get().loadContainers(), loadBringUps()]);
      },
      chaos: async (id, action) => {
        subscribe();
        const event = await attempt(`${action} ${id}…`, () => api.chaosAction({ id, action }));
        if (event && !get().chaosEvents.some((e) => e.at === event.at && e.container === event.container && e.type === event.type)) {
          set({ chaosEvents: [...get().chaosEvents, event] });
        }
        await get().loadContainers();
      },
    };
  };
