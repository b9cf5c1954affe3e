import type Dockerode from 'dockerode';
import type { PlannedContainer } from './plan.js';

/** The Engine API's create body for one planned container, joined to the topology network under its node id. */
export function createOptions(container: PlannedContainer, network: string): Dockerode.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const port of container.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: String(port.hostPort) });
  }
  for (const key of container.exposed) exposed[key] = {};

  const options: Dockerode.ContainerCreateOptions = {
    name: container.name,
    Image: container.image,
    Env: container.env,
    Labels: container.labels,
    ExposedPorts: exposed,
    HostConfig: {
      NetworkMode: network,
      PortBindings: bindings,
      Memory: container.memoryBytes,
      NanoCpus: container.nanoCpus,
      // No restart policy: a container killed by chaos stays down until someone acts, as in the simulator.
      RestartPolicy: { Name: 'no' },
    },
    // Other nodes reach it by its node id, as the links name it.
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [container.node] } } },
  };
  if (container.command) options.Cmd = container.command;
  if (container.healthCheck) {
    const h = container.healthCheck;
    options.Healthcheck = { Test: h.test, Interval: h.intervalNs, Timeout: h.timeoutNs, Retries: h.retries, StartPeriod: h.startPeriodNs };
  }
  return options;
}
