// Images on the engine: list, remove, and pull with progress that can be cancelled.
import type Dockerode from 'dockerode';
import { ContractError, type ImageSummary } from '../../src-preload/contract/index.js';
import { engineMessage, toContractError } from './docker-errors.js';

export async function listImages(docker: Dockerode): Promise<ImageSummary[]> {
  const images = await docker.listImages({ all: false });
  return images.map((i) => ({
    id: i.Id,
    tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
    sizeBytes: i.Size,
    createdAt: new Date(i.Created * 1000).toISOString(),
    containers: i.Containers ?? -1,
  }));
}

export async function removeImage(docker: Dockerode, ref: string, force: boolean): Promise<string[]> {
  try {
    const result = (await docker.getImage(ref).remove({ force })) as { Untagged?: string; Deleted?: string }[];
    return result.flatMap((r) => [r.Untagged, r.Deleted].filter((x): x is string => typeof x === 'string'));
  } catch (err) {
    const e = toContractError(err, `image ${ref}`);
    throw e.code === 'NOT_FOUND' ? toContractError({ statusCode: 404, message: `No such image: ${ref}` }, `image ${ref}`) : e;
  }
}

/** The image stays missing: say why and what else to do. */
function pullFailed(err: unknown, image: string): ContractError {
  const e = toContractError(err, `pull ${image}`);
  if (e.code === 'DOCKER_UNAVAILABLE' || e.code === 'CANCELLED') return e;
  return new ContractError('IMAGE_MISSING', `pull ${image} failed: ${engineMessage(err)}. Without a reachable registry, load it (docker load) or build it on this engine.`, `pull ${image}`);
}

export interface PullProgress {
  message: string;
  current?: number;
  total?: number;
}

interface PullEvent {
  id?: string;
  status?: string;
  error?: string;
  progressDetail?: { current?: number; total?: number };
}

/** Pulls `ref`; resolves true when done, false when cancelled through `signal`. */
export async function pullImage(docker: Dockerode, ref: string, onProgress: (p: PullProgress) => void, signal: AbortSignal): Promise<boolean> {
  const image = ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.pull(image, { abortSignal: signal })) as NodeJS.ReadableStream;
  } catch (err) {
    if (signal.aborted) return false;
    throw pullFailed(err, image);
  }
  const layers = new Map<string, { current: number; total: number }>();
  return new Promise<boolean>((resolve, reject) => {
    const onAbort = (): void => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    docker.modem.followProgress(
      stream,
      (err: Error | null) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) resolve(false);
        else if (err) reject(pullFailed(err, image));
        else resolve(true);
      },
      (event: PullEvent) => {
        if (event.error) return; // followProgress reports it as the final error
        if (event.id && event.progressDetail?.total) layers.set(event.id, { current: event.progressDetail.current ?? 0, total: event.progressDetail.total });
        let current = 0;
        let total = 0;
        for (const l of layers.values()) {
          current += l.current;
          total += l.total;
        }
        onProgress({ message: [event.id, event.status].filter(Boolean).join(': '), ...(total > 0 ? { current, total } : {}) });
      },
    );
  });
}
