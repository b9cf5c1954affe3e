// The Run area's deploy form: which nodes a deployment can replace, and the version it offers.
import { describe, expect, it } from 'vitest';
import { deploymentTargets, nextVersion } from '../../../src-renderer/src/features/run/DeployPanel.js';

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
