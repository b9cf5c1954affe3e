// The Run area's fault and deploy forms: which targets each offers, and the version a deployment proposes.
import { describe, expect, it } from 'vitest';
import { deploymentTargets, nextVersion } from '../../../src-renderer/src/features/run/DeployPanel.js';
import { faultTargets } from '../../../src-renderer/src/features/run/FaultPanel.js';

describe('deploy panel', () => {
  it('offers the nodes with replicas, each with the version it runs (v1 when the document names none)', () => {
    const doc = { nodes: { users: { kind: 'traffic-source' }, api: { kind: 'app-service', replicas: 3, version: '1.4' }, worker: { kind: 'container', replicas: 1 }, db: { kind: 'postgres' } } };
    expect(deploymentTargets(doc)).toEqual([
      { id: 'api', version: '1.4' },
      { id: 'worker', version: 'v1' },
    ]);
  });

  it('proposes the next version: the trailing number goes up, else "-next"', () => {
    expect(nextVersion('v1')).toBe('v2');
    expect(nextVersion('1.4')).toBe('1.5');
    expect(nextVersion('release-9')).toBe('release-10');
    expect(nextVersion('stable')).toBe('stable-next');
  });
});

describe('fault panel', () => {
  it('offers each fault the targets it can act on: instances for kills and stress, any node for latency and bandwidth, primaries, regions and zones', () => {
    const doc = {
      nodes: { users: { kind: 'traffic-source' }, api: { kind: 'app-service', replicas: 3 }, db: { kind: 'postgres', topology: { mode: 'primary-replica' } }, cache: { kind: 'redis' } },
      groups: { aws: { type: 'cloud' }, east: { type: 'region' }, a: { type: 'zone' } },
    };
    expect(faultTargets(doc)).toEqual({
      'pod-kill': ['api'],
      'cpu-stress': ['api'],
      'memory-stress': ['api'],
      'network-delay': ['api', 'db', 'cache'],
      'network-bandwidth': ['api', 'db', 'cache'],
      'db-primary-failure': ['db'],
      'region-outage': ['east', 'a'],
    });
  });
});
