import { describe, expect, it } from 'vitest';
import { ContractError, type RunInfo, type Topology } from '../../../src-preload/contract/index.js';
import { runServices, template, type ServiceFixture } from './service-fixture.js';

const serve = runServices();
let fixture: ServiceFixture | undefined;

const mm1 = (): Topology => template('single-queue');
const params = (p: Record<string, unknown>) => ({ speed: 'max' as const, warmupS: 0, ...p });
/** Long enough that no test sees it end: 10⁶ simulated seconds of an M/M/1 at 8 req/s. */
const LONG = params({ durationS: 1_000_000 });

describe('run service', () => {
  it('runs a document in a worker to completion and stores its summary with wall-clock totals', async () => {
    fixture = serve();
    const started = fixture.service.start({ document: mm1(), parameters: params({ durationS: 600, seed: 7, seriesIntervalS: 10 }) });
    expect(['queued', 'running']).toContain(started.state);
    const done = await fixture.finished(started.id);
    expect(done.state).toBe('completed');
    const totals = (done.summary as { totals: Record<string, number> }).totals;
    expect(totals.simulated_seconds).toBe(600);
    expect(totals.seed).toBe(7);
    expect(totals.wall_seconds).toBeGreaterThan(0);
    expect(totals.events_per_second).toBeCloseTo(totals.events! / totals.wall_seconds!, 6);
    const stored = fixture.service.get(started.id);
    expect(stored).toMatchObject({ state: 'completed', seed: 7, simulatedMs: 600_000, events: totals.events });
    expect(stored.layout.nodes).toContain('server');
    expect(fixture.service.list().map((r) => r.id)).toEqual([started.id]);
    // the series at the interval asked for, stored frame by frame
    const { layout, frames, truncated } = fixture.service.series({ id: started.id, limit: 10_000 });
    expect(layout.intervalMs).toBe(10_000);
    expect(truncated).toBe(false);
    expect(frames.map((f) => f.tMs)).toEqual(Array.from({ length: 60 }, (_, i) => (i + 1) * 10_000));
    for (const f of frames) expect(f.values).toHaveLength(layout.nodes.length * layout.metrics.length);
    const server = fixture.service.series({ id: started.id, nodes: ['server'], fromMs: 300_000, limit: 10_000 });
    const arrivals = server.layout.metrics.indexOf('arrivals_rps');
    const mean = server.frames.reduce((sum, f) => sum + f.values[arrivals]!, 0) / server.frames.length;
    expect(mean).toBeGreaterThan(6); // λ = 8/s
    expect(mean).toBeLessThan(10);
  });

  it('refuses documents with errors and parameters the kernel cannot run, in main, naming the field', () => {
    fixture = serve();
    expect(() => fixture!.service.start({ document: mm1(), parameters: params({ durationS: 60, warmupS: 60 }) })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', where: 'parameters.warmupS' }),
    );
    const broken = { ...mm1(), links: [{ ...mm1().links[0]!, to: 'nowhere' }] };
    expect(() => fixture!.service.start({ document: broken, parameters: params({ durationS: 60 }) })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/^The document has errors to fix before it can run: .*nowhere/) }),
    );
    expect(fixture.service.list()).toEqual([]);
  });

  it('sends the renderer at most about 20 messages a second per run however fast the kernel goes', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: LONG });
    const first = await fixture.progress(id, () => true);
    expect(first.endMs).toBe(1_000_000_000);
    const began = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    const window = fixture.heard.filter((h) => h.at >= began && (h.payload as { id: string }).id === id);
    const seconds = (Date.now() - began) / 1000;
    expect(window.length).toBeLessThanOrEqual(20 * seconds + 2);
    const progress = window.filter((h) => h.name === 'runProgress').map((h) => h.payload as { events: number; simulatedMs: number });
    expect(progress.length).toBeGreaterThan(3); // it did stream
    expect(progress.at(-1)!.events).toBeGreaterThan(progress[0]!.events);
  });

  it('cancels a run promptly and keeps what it recorded', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: LONG });
    await fixture.progress(id, (p) => p.events > 0);
    const asked = Date.now();
    const cancelled = fixture.service.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    const finished = await fixture.finished(id);
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(finished.state).toBe('cancelled');
    expect(finished.events).toBeGreaterThan(0);
    expect(fixture.service.get(id).state).toBe('cancelled');
    expect(() => fixture!.service.pause(id)).toThrow(/has ended \(cancelled\)/);
  });

  it('runs several at once up to the limit and queues the rest', async () => {
    fixture = serve({ maxConcurrent: 2 });
    const [a, b, c] = [1, 2, 3].map((seed) => fixture!.service.start({ document: mm1(), parameters: { ...LONG, seed } }));
    expect([a!.state, b!.state, c!.state]).toEqual(['running', 'running', 'queued']);
    expect(() => fixture!.service.pause(c!.id)).toThrow(/waiting for a free core/);
    await fixture.progress(a!.id, (p) => p.events > 0);
    await fixture.progress(b!.id, (p) => p.events > 0);
    fixture.service.cancel(a!.id);
    expect(fixture.service.get(c!.id).state).toBe('running');
    await fixture.progress(c!.id, (p) => p.events > 0);
    // a queued run can be cancelled before it starts
    const d = fixture.service.start({ document: mm1(), parameters: LONG });
    expect(d.state).toBe('queued');
    expect(fixture.service.cancel(d.id).state).toBe('cancelled');
    expect(fixture.service.list().map((r) => r.state).sort()).toEqual(['cancelled', 'cancelled', 'running', 'running']);
  });

  it.each(['throw', 'exit'] as const)('reports a worker that fails (%s) as a failed run and keeps serving', async (how) => {
    fixture = serve();
    const bad = fixture.service.start({ document: mm1(), parameters: LONG }, { afterEvents: 1, how });
    const failed = await fixture.finished(bad.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(how === 'throw' ? /the test asked this worker to fail/ : /stopped unexpectedly \(exit code 3\)/);
    const good = fixture.service.start({ document: mm1(), parameters: params({ durationS: 60 }) });
    expect((await fixture.finished(good.id)).state).toBe('completed');
  });

  it('pauses, steps a given number of events, and resumes', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: LONG });
    await fixture.progress(id, (p) => p.events > 0);
    expect(() => fixture!.service.step(id, 10)).toThrow(/Pause the run before stepping/);
    expect(fixture.service.pause(id).state).toBe('paused');
    const still = await fixture.progress(id, (p) => p.state === 'paused');
    await new Promise((r) => setTimeout(r, 300));
    const settled = fixture.service.get(id).events;
    await new Promise((r) => setTimeout(r, 300));
    expect(fixture.service.get(id).events).toBe(settled);
    expect(settled).toBeGreaterThanOrEqual(still.events);

    fixture.service.step(id, 1000);
    const stepped = await fixture.progress(id, (p) => p.events > settled);
    expect(stepped.events).toBe(settled + 1000);
    expect(stepped.state).toBe('paused');

    expect(fixture.service.resume(id).state).toBe('running');
    await fixture.progress(id, (p) => p.state === 'running' && p.events > settled + 1000);
    expect(fixture.service.setSpeed(id, 1000).parameters.speed).toBe('max'); // stored parameters are what it started with
  });

  it('injects a fault into a running run, and refuses one the kernel cannot act on', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: LONG });
    await fixture.progress(id, (p) => p.events > 0);
    await expect(fixture.service.inject(id, { type: 'pod-kill', at: 0, target: 'server', count: 1 })).resolves.toMatchObject({ id, state: 'running' });
    const killed = await fixture.recorded(id, (e) => e.type === 'instance-killed' && e.target === 'server');
    expect(killed.severity).toBe('warning');
    await expect(fixture.service.inject(id, { type: 'pod-kill', at: 0, target: 'no-such-node', count: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(fixture.service.get(id).state).toBe('running');
    fixture.service.cancel(id);
    await expect(fixture.service.inject(id, { type: 'pod-kill', at: 0, target: 'server', count: 1 })).rejects.toThrow(/has ended \(cancelled\)/);
  });

  it('starts a deployment in a running run (deployment-started, then finished on the timeline), and refuses a target without instances', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: LONG });
    await fixture.progress(id, (p) => p.events > 0);
    const deployment = { at: 0, target: 'server', version: 'v2', strategy: 'blue-green' as const, maxSurge: 1, maxUnavailable: 0, canaryPercent: 10, errorRate: 0, latencyFactor: 1, autoRollback: true };
    await expect(fixture.service.deploy(id, deployment)).resolves.toMatchObject({ id, state: 'running' });
    const started = await fixture.recorded(id, (e) => e.type === 'deployment-started' && e.target === 'server');
    expect(started.data).toMatchObject({ version: 'v2', from: 'v1', strategy: 'blue-green' });
    const done = await fixture.recorded(id, (e) => e.type === 'deployment-finished' && e.target === 'server');
    expect(done.data).toMatchObject({ version: 'v2', outcome: 'completed', lostRequests: 0 });
    expect(done.tMs).toBeGreaterThanOrEqual(started.tMs);
    await expect(fixture.service.deploy(id, { ...deployment, target: 'arrivals' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      where: 'deployment',
      message: 'deployment target "arrivals" has no instances to replace',
    });
    fixture.service.cancel(id);
    await expect(fixture.service.deploy(id, deployment)).rejects.toThrow(/has ended \(cancelled\)/);
  });

  it('gives back the document a run simulated; a missing run or a stored document that no longer reads is a typed error', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: params({ durationS: 60 }) });
    await fixture.finished(id);
    expect(fixture.service.document(id).document).toEqual(mm1());
    expect(() => fixture!.service.document('run-missing')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    fixture.store.db.prepare('UPDATE runs SET document = ? WHERE id = ?').run('{"apiVersion":"v0"}', id);
    expect(() => fixture!.service.document(id)).toThrow(expect.objectContaining({ code: 'STORAGE', message: expect.stringContaining(id) }));
    fixture.store.db.prepare('UPDATE runs SET document = ? WHERE id = ?').run('{not json', id);
    expect(() => fixture!.service.document(id)).toThrow(expect.objectContaining({ code: 'STORAGE' }));
  });

  it('deletes a run with its records, and says when there is none', async () => {
    fixture = serve();
    const { id } = fixture.service.start({ document: mm1(), parameters: params({ durationS: 60 }) });
    await fixture.finished(id);
    expect(fixture.service.delete(id)).toEqual({ deleted: true });
    expect(() => fixture!.service.get(id)).toThrow(ContractError);
    expect(() => fixture!.service.get(id)).toThrow(/There is no run/);
    expect(fixture.service.list()).toEqual([] as RunInfo[]);
  });
});
