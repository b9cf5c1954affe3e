// What a person feels on a page while something heavy runs, measured in the page: the
// event-loop lag (a 50 ms timer's lateness: how long a click would wait) and the time spent
// in long tasks (> 50 ms, PerformanceObserver). Shared by the chart and training benchmarks.
/* global window */

/** Starts the probe in the page (window.benchProbe). */
export function startPageProbe(page) {
  return page.evaluate(() => {
    const probe = { lags: [], longMs: 0, since: performance.now() };
    window.benchProbe = probe;
    let expected = performance.now() + 50;
    setInterval(() => {
      const now = performance.now();
      probe.lags.push(Math.max(0, now - expected));
      expected = now + 50;
    }, 50);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longMs += e.duration;
    }).observe({ type: 'longtask', buffered: false });
  });
}

/** Forgets what the probe measured so far (after a setup phase). */
export function resetPageProbe(page) {
  return page.evaluate(() => {
    const probe = window.benchProbe;
    probe.lags.length = 0;
    probe.longMs = 0;
    probe.since = performance.now();
  });
}

/** The lags (sorted, ms), long-task ms and the wall ms since the start or the last reset. */
export async function readPageProbe(page) {
  const probe = await page.evaluate(() => ({ lags: window.benchProbe.lags.slice(), longMs: window.benchProbe.longMs, wallMs: performance.now() - window.benchProbe.since }));
  return { ...probe, lags: probe.lags.sort((a, b) => a - b) };
}

/** The p-quantile (0–1) of ascending values; NaN when there are none. */
export const quantile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
