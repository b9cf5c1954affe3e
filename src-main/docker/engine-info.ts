// What /version says about the engine, for the status line: Docker or Podman, versions, OS.
import type Dockerode from 'dockerode';
import type { DockerStatus } from '../../src-preload/contract/index.js';

export function describeEngine(v: Dockerode.DockerVersion): NonNullable<DockerStatus['engine']> {
  const components = (v.Components ?? []) as { Name?: string }[];
  // Podman names itself in Components; Docker's Platform.Name is "Docker Engine - Community"
  // upstream and empty in some distribution builds.
  const podman = components.some((c) => /podman/i.test(c.Name ?? ''));
  const engine: NonNullable<DockerStatus['engine']> = {
    name: podman ? 'Podman Engine' : v.Platform?.Name || 'Docker Engine',
    version: v.Version,
    apiVersion: v.ApiVersion,
    os: v.Os,
    arch: v.Arch,
  };
  if (v.MinAPIVersion) engine.minApiVersion = v.MinAPIVersion;
  if (v.KernelVersion) engine.kernelVersion = v.KernelVersion;
  return engine;
}
