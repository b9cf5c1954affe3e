// Chaos on real containers lands on the timeline of the live runs of the same topology: stored
// with the run's events and streamed like them, at the run's simulated time.
import { describe, expect, it } from 'vitest';
import { recordChaosOnRuns } from '../../../src-main/app/chaos-to-runs.js';
import { slugify } from '../../../src-main/files/export-common.js';
import type { ChaosEvent, Topology } from '../../../src-preload/contract/index.js';
import { runServices, template, type ServiceFixture } from './service-fixture.js';

const serve = runServices();
let fixture: ServiceFixture | undefined;

const LONG = { speed: 'max' as const, warmupS: 0, durationS: 1_000_000 };
const named = (name: string): Topology => {
  const doc = template('single-queue');
  return { ...doc, metadata: { ...doc.metadata, name } };
};

function killed(topologyId: string): ChaosEvent {
  return {
    tMs: 42_000,
    type: 'docker-kill',
    target: 'server',
    message: 'Container shop-server-0 of node "server" killed (real Docker container)',
    severity: 'critical',
    data: { source: 'docker', action: 'kill', container: 'shop-server-0', replica: 0 },
    source: 'docker',
    topologyId,
    container: 'shop-server-0',
    at: '2026-11-27T09:00:00.000Z',
  };
}

describe('chaos on real containers, on the run timeline', () => {
  it('records a chaos event on each live run of that topology, at its simulated time, and stores it', async () => {
    fixture = serve();
    const stop = recordChaosOnRuns(fixture.bus, fixture.service);
    const shop = fixture.service.start({ document: named('Shop'), parameters: LONG });
    const other = fixture.service.start({ document: named('Elsewhere'), parameters: LONG });
    await fixture.progress(shop.id, (p) => p.simulatedMs > 0);
    await fixture.progress(other.id, (p) => p.simulatedMs > 0);
    fixture.service.pause(shop.id);
    await fixture.progress(shop.id, (p) => p.state === 'paused');
    const simulatedNow = fixture.service.get(shop.id).simulatedMs;

    fixture.bus.emit('chaosRecorded', killed(slugify('Shop')));

    const streamed = await fixture.recorded(shop.id, (e) => e.type === 'docker-kill');
    expect(streamed).toMatchObject({ target: 'server', severity: 'critical', tMs: simulatedNow });
    expect(streamed.data).toMatchObject({ source: 'docker', container: 'shop-server-0', wallAt: '2026-11-27T09:00:00.000Z', sinceBringUpMs: 42_000 });
    const stored = fixture.service.events({ id: shop.id, limit: 100_000 }).events.filter((e) => e.type === 'docker-kill');
    expect(stored).toEqual([streamed]);
    const elsewhere = fixture.service.events({ id: other.id, limit: 100_000 }).events;
    expect(elsewhere.some((e) => e.type === 'docker-kill')).toBe(false);

    // After the run ends, chaos of the same topology no longer reaches it (and nothing throws).
    fixture.service.cancel(shop.id);
    expect(() => fixture!.bus.emit('chaosRecorded', killed(slugify('Shop')))).not.toThrow();
    const after = fixture.service.events({ id: shop.id, limit: 100_000 }).events;
    expect(after.filter((e) => e.type === 'docker-kill')).toHaveLength(1);
    stop();
  });

  it('refuses to record on a run that is not going', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: named('Shop'), parameters: { ...LONG, durationS: 60 } });
    await fixture.finished(id);
    expect(() => fixture!.service.recordExternalEvent(id, { type: 'docker-kill', message: 'x', severity: 'critical' })).toThrow(/has ended \(completed\)/);
  });
});
