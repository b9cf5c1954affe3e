#!/usr/bin/env node
// Benchmark (not a test): is the topology editor responsive with a 500-node document?
// Opens a generated document (500 nodes, ~1.2 links per node, a cloud with regions and zones)
// in browser mode in Chromium, drags one node like a mouse (a move every ~8 ms, not waiting for
// each) and measures what the person sees (ENVIRONMENT.md: rAF alone keeps ticking while the
// node stands still):
//   - updates/s: how often the dragged node's on-screen position changed (movesPerS: how many
//     mouse moves the page received, the most it could follow; the canvas snaps to a 16 px
//     grid, so zoomed in the node steps only every ~18 screen px of the 120 px circle);
//   - frame times while it moved (rAF deltas between its first and last move): p50/p95/p99 and
//     frames over 16.7 / 20 / 50 ms; the gaps between visible updates (p95);
//   - main-thread busy %: the renderer's task time (CDP Performance.TaskDuration) over the drag;
//   - drop: the longest frame after the release (the one document edit per drag);
//   - first render: from picking the file to every node drawn.
// Both with all nodes on screen (fit view) and zoomed in around the dragged node.
//
//   npm run build && npm run bench:editor [-- --nodes 500 --drags 3 --moves 250 --profile drag.cpuprofile]
//   (--profile: a CPU profile of the first drag; --trace: a Chromium trace of it, with style,
//   layout and paint; --watch fitView|zoomedIn picks the scenario; all open in Chromium DevTools;
//   --only fitView|zoomedIn runs one scenario)
//   env: DEVSIM_CHROMIUM (as playwright.config.ts; default /usr/bin/chromium)
// The functions handed to page.evaluate run in the page, where these exist.
/* global window, document, requestAnimationFrame, getComputedStyle */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostEntry, launchChromium, startHost, stopHost } from '../../scripts/web-browser.mjs';
import { stringify } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '500' },
    drags: { type: 'string', default: '3' },
    moves: { type: 'string', default: '250' },
    profile: { type: 'string' },
    trace: { type: 'string' },
    watch: { type: 'string', default: 'fitView' },
    css: { type: 'string' },
    only: { type: 'string' },
  },
});
const NODES = Math.max(10, Number(values.nodes) || 500);
const DRAGS = Math.max(1, Number(values.drags) || 3);
const MOVES = Math.max(20, Number(values.moves) || 250);
const MOVE_EVERY_MS = 8;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz'];
const VIEWPORT = { width: 1440, height: 900 };
const READY = '[data-testid="app-ready"]';

if (!existsSync(hostEntry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('editor-drag: no build found; run "npm run build" first.');
  process.exit(1);
}

/**
 * A valid document of `n` nodes: one traffic source and app services spread over six zones in
 * two regions of one cloud; a call tree (each service called by one parent) plus an extra call
 * into every fifth service, ≈1.2 links per node. Every node has a position, as after editing.
 */
export function benchDocument(n) {
  const groups = { lab: { type: 'cloud', provider: 'aws', label: 'Lab cloud' } };
  const zones = [];
  for (let r = 0; r < 2; r++) {
    groups[`region-${r}`] = { type: 'region', parent: 'lab', provider: 'aws' };
    for (let z = 0; z < 3; z++) {
      groups[`zone-${r}-${z}`] = { type: 'zone', parent: `region-${r}` };
      zones.push(`zone-${r}-${z}`);
    }
  }
  const nodes = { clients: { kind: 'traffic-source', rate: { type: 'constant', rps: 50 }, position: { x: -400, y: 0 } } };
  for (let i = 1; i < n; i++) {
    const z = i % zones.length;
    const k = Math.floor(i / zones.length);
    nodes[`svc-${i}`] = {
      kind: 'app-service',
      group: zones[z],
      serviceTime: { default: { type: 'exponential', meanMs: 5 } },
      // Zones two across and three down, seven nodes a row in each: it all fits a laptop's canvas at the least zoom.
      position: { x: (z % 2) * 1900 + (k % 7) * 240, y: Math.floor(z / 2) * 1400 + Math.floor(k / 7) * 96 },
    };
  }
  const links = [{ type: 'call', from: 'clients', to: 'svc-1' }];
  for (let i = 2; i < n; i++) links.push({ type: 'call', from: `svc-${Math.floor(i / 2)}`, to: `svc-${i}` });
  for (let i = 5; i < n; i += 5) links.push({ type: 'call', from: `svc-${Math.floor(i / 4)}`, to: `svc-${i}` });
  return { apiVersion: 'devsim.io/v1', kind: 'Topology', metadata: { name: `${n}-node bench` }, groups, nodes, links };
}



const nodeSelector = (id) => `.react-flow__node[data-id="${id}"]`;

/** In the page: records every animation frame's time and the dragged node's transform, and long animation frames. */
function installProbe(selector) {
  const probe = { frames: [], loaf: [], moves: [], running: true };
  window.__dragProbe = probe;
  // The mouse moves the page was given (Chromium hands over at most one per frame): the most the node can follow.
  probe.onMove = (e) => probe.moves.push(e.timeStamp);
  window.addEventListener('pointermove', probe.onMove, { capture: true });
  let el = null;
  const tick = (t) => {
    if (!probe.running) return;
    if (!el || !el.isConnected) el = document.querySelector(selector);
    // The node's transform as React Flow wrote it: reading the attribute forces no layout.
    probe.frames.push([t, el ? el.style.transform : '']);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.loaf.push([e.startTime, e.duration, e.blockingDuration ?? 0]);
    });
    po.observe({ type: 'long-animation-frame', buffered: false });
    probe.observer = po;
  } catch {
    probe.loaf = null; // not supported by this Chromium
  }
}

function stopProbe() {
  const p = window.__dragProbe;
  p.running = false;
  p.observer?.disconnect();
  window.removeEventListener('pointermove', p.onMove, { capture: true });
  return { frames: p.frames, loaf: p.loaf, moves: p.moves };
}

/**
 * In the page: resolves once the element's transform (or the number of drawn nodes) has not
 * changed for 20 frames and, given `at`, the element's middle is within 12 px of that point
 * (a busy page may pause between queued moves).
 */
function settled([selector, at]) {
  return new Promise((resolve) => {
    let last = null;
    let same = 0;
    const started = performance.now();
    const arrived = () => {
      if (!at) return true;
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r !== undefined && Math.hypot(r.x + r.width / 2 - at[0], r.y + r.height / 2 - at[1]) <= 12;
    };
    const tick = () => {
      const now = selector ? document.querySelector(selector)?.style.transform : document.querySelectorAll('.react-flow__node-device').length;
      same = now === last ? same + 1 : 0;
      last = now;
      if ((same >= 20 && arrived()) || performance.now() - started > 15_000) resolve(last);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const round1 = (x) => Math.round(x * 10) / 10;

/** The figures of one drag from the probe's frames, the mouse-up time and the CDP task time. */
function figures(frames, loaf, upAt, busyS, wallMs) {
  const moved = [];
  for (let i = 1; i < frames.length; i++) if (frames[i][1] !== frames[i - 1][1] && frames[i][0] <= upAt) moved.push(i);
  if (moved.length < 2) return { updates: moved.length, frames: frames.length, error: 'the node did not move' };
  const first = moved[0];
  const last = moved.at(-1);
  const deltas = [];
  for (let i = first + 1; i <= last; i++) deltas.push(frames[i][0] - frames[i - 1][0]);
  const sorted = [...deltas].sort((a, b) => a - b);
  const gaps = [];
  for (let i = 1; i < moved.length; i++) gaps.push(frames[moved[i]][0] - frames[moved[i - 1]][0]);
  gaps.sort((a, b) => a - b);
  const spanS = (frames[last][0] - frames[first][0]) / 1000;
  const after = frames.filter(([t]) => t > upAt);
  let dropMs = 0;
  for (let i = 1; i < after.length; i++) dropMs = Math.max(dropMs, after[i][0] - after[i - 1][0]);
  const longFrames = loaf?.filter(([start]) => start >= frames[first][0] && start <= frames[last][0]) ?? null;
  return {
    updatesPerS: round1((moved.length - 1) / spanS),
    frameP50: round1(quantile(sorted, 0.5)),
    frameP95: round1(quantile(sorted, 0.95)),
    frameP99: round1(quantile(sorted, 0.99)),
        // A frame is 16.7 ms at 60 Hz; rAF times jitter by a fraction of a millisecond.
    over16: sorted.filter((d) => d > 17.5).length,
    over20: sorted.filter((d) => d > 20).length,
    over50: sorted.filter((d) => d > 50).length,
    frames: sorted.length,
    updateGapP95: round1(quantile(gaps, 0.95)),
    busyPct: Math.round((busyS * 1000 * 100) / wallMs),
    longAnimationFrames: longFrames ? longFrames.length : 'n/a',
    dropMs: round1(dropMs),
  };
}

const taskSeconds = async (cdp) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;

/** One drag of `id`: press in its middle, MOVES moves along a circle every 8 ms (not awaited), release. */
async function drag(page, cdp, id) {
  const box = await page.locator(nodeSelector(id)).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  // The node the press lands on (a neighbour may have been dropped over it): that one moves.
  const pressed = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.dataset.id ?? null, [x0, y0]);
  if (!pressed) throw new Error(`no node under the middle of ${id}`);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.evaluate(installProbe, nodeSelector(pressed));
  const busy0 = await taskSeconds(cdp);
  const t0 = performance.now();
  const sent = [];
  const radius = 120;
  for (let i = 1; i <= MOVES; i++) {
    // A circle that starts at the press point: the node stays on screen however far it goes.
    const a = (i / MOVES) * 2 * Math.PI;
    const x = x0 + radius * Math.sin(a);
    const y = y0 + radius * (1 - Math.cos(a));
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'left', buttons: 1 }));
    await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
  }
  await Promise.all(sent);
  // Released only once the last move has been drawn, so the node lands where the press began.
  await page.evaluate(settled, [nodeSelector(pressed), [x0, y0]]);
  const wallMs = performance.now() - t0;
  const busyS = (await taskSeconds(cdp)) - busy0;
  const upAt = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const { frames, loaf, moves } = await page.evaluate(stopProbe);
  const given = moves.filter((t) => t <= upAt);
  const movesPerS = given.length > 1 ? round1((given.length - 1) / ((given.at(-1) - given[0]) / 1000)) : 0;
  return { movesPerS, ...figures(frames, loaf, upAt, busyS, wallMs) };
}

/** Zooms with the wheel over the node until the canvas scale is at least 1. */
async function zoomInOn(page, id) {
  for (let i = 0; i < 40; i++) {
    const scale = await page.evaluate(() => {
      const m = /scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '');
      return m ? Number(m[1]) : 1;
    });
    if (scale >= 1) return scale;
    const box = await page.locator(nodeSelector(id)).boundingBox({ timeout: 5000 }).catch(() => null);
    if (!box) throw new Error(`zooming in: ${id} is not drawn (scale ${scale})`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(120);
  }
  throw new Error('could not zoom in');
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return 'n/a';
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : round1((s[mid - 1] + s[mid]) / 2);
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'devsim-bench-'));
  const { host, url } = await startHost(dataDir);
  const browser = await launchChromium();
  try {
    // bypassCSP only for --css experiments (an inline style tag); the measured runs keep the CSP.
    const page = await browser.newPage({ viewport: VIEWPORT, bypassCSP: values.css !== undefined });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(READY, { timeout: 30_000 });

    // --css: extra style for experiments (what would this CSS change do to the figures?).
    if (values.css) await page.addStyleTag({ content: values.css });
    const doc = benchDocument(NODES);
    const text = stringify(doc);
    const dragged = `svc-${Math.floor(NODES / 2)}`;
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('open-file-input').setInputFiles({ name: 'bench.devsim.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    // Drawn: the dragged node visible and the number of drawn nodes steady for 30 frames; the
    // time is that of the last change (React Flow may draw only the nodes in view).
    const drawn = await page
      .evaluate(
        ({ sel, timeoutMs }) =>
          new Promise((resolve, reject) => {
            let count = -1;
            let changedAt = 0;
            let steady = 0;
            const started = performance.now();
            const tick = () => {
              const el = document.querySelector(sel);
              const n = document.querySelectorAll('.react-flow__node-device').length;
              if (n !== count || !el || getComputedStyle(el).visibility !== 'visible') {
                count = n;
                changedAt = performance.now();
                steady = 0;
              } else if (++steady >= 30) return resolve({ at: changedAt, count });
              if (performance.now() - started > timeoutMs) return reject(new Error(`${count} nodes drawn, ${sel} ${el ? 'hidden' : 'missing'}`));
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          }),
        { sel: nodeSelector(dragged), timeoutMs: 60_000 },
      )
      .catch(async (err) => {
        const shown = await page.locator('body').innerText();
        throw new Error(`the document did not draw (${err.message}); the page says:\n${shown.slice(0, 1500)}`, { cause: err });
      });
    const firstRenderMs = Math.round(drawn.at - t0);
    await page.waitForTimeout(1000);

    const results = { fitView: [], zoomedIn: [] };
    /** The drags of one scenario; the first is profiled or traced when asked for that scenario. */
    const dragAll = async (scenario, id) => {
      for (let i = 0; i < DRAGS; i++) {
        const watched = i === 0 && values.watch === scenario;
        const profiling = watched && values.profile;
        const tracing = watched && values.trace;
        if (profiling) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
        if (tracing) await browser.startTracing(page, { path: values.trace, categories: TRACE_CATEGORIES });
        results[scenario].push(await drag(page, cdp, id));
        if (tracing) await browser.stopTracing();
        if (profiling) writeFileSync(values.profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      }
    };
    // Zoomed in first, on a node of the middle zone (not in its first column: that sits under the
    // palette, where the wheel does not zoom); then back to fit view for the other node.
    const zoomedOn = `svc-${Math.floor(NODES / 2) - 6}`;
    let scale = NaN;
    let drawnZoomed = NaN;
    if (values.only !== 'fitView') {
      scale = await zoomInOn(page, zoomedOn);
      await page.waitForTimeout(1000);
      drawnZoomed = await page.evaluate(settled, [null, null]);
      await dragAll('zoomedIn', zoomedOn);
      await page.locator('.react-flow__controls-fitview').click();
      await page.waitForTimeout(1000);
      await page.evaluate(settled, [null, null]);
    }
    if (values.only !== 'zoomedIn') await dragAll('fitView', dragged);

    // The machine's load: on a shared machine the figures move with it.
    const load = loadavg().map((x) => round1(x));
    console.log(`editor drag bench: ${NODES} nodes, ${doc.links.length} links, ${Object.keys(doc.groups).length} groups; viewport ${VIEWPORT.width}x${VIEWPORT.height}; load average ${load.join(' ')}`);
    console.log(`first render (file picked → every node in view drawn, ${drawn.count} of ${NODES}): ${firstRenderMs} ms`);
    const summary = { bench: 'editor-drag', nodes: NODES, links: doc.links.length, firstRenderMs, drawnAtFirstRender: drawn.count, moves: MOVES, moveEveryMs: MOVE_EVERY_MS, loadAverage: load };
    for (const [name, runs] of Object.entries(results)) {
      if (runs.length === 0) continue;
      const label = name === 'fitView' ? `all on screen (fit view, ${drawn.count} nodes drawn)` : `zoomed in (scale ${scale.toFixed(2)}, ${drawnZoomed} nodes drawn)`;
      console.log(`\n${label}, ${runs.length} drags (each: ${MOVES} moves every ${MOVE_EVERY_MS} ms):`);
      for (const r of runs) console.log('  ' + JSON.stringify(r));
      const keys = Object.keys(runs[0]);
      summary[name] = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
      console.log('  median ' + JSON.stringify(summary[name]));
    }
    if (summary.zoomedIn) summary.zoomedIn.drawnNodes = drawnZoomed;
    console.log(JSON.stringify(summary));
  } finally {
    await browser.close();
    await stopHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
