// Queueing theory references (SIMULATION.md): M/M/1, M/M/c (Erlang C), M/M/c/K, M/G/1
// (Pollaczek–Khinchine). Rates per ms, times in ms.

/** M/M/c: probability of waiting (Erlang C), mean wait Wq and time in system W. */
export function mmc(lambda: number, mu: number, c: number) {
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) throw new RangeError('unstable: ρ ≥ 1');
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = term / (1 - rho); // a^c / c! · 1/(1−ρ)
  const pWait = tail / (sum + tail);
  const wq = pWait / (c * mu - lambda);
  return { rho, pWait, wq, w: wq + 1 / mu, lq: lambda * wq, l: lambda * (wq + 1 / mu) };
}

/** M/M/1 is M/M/c with c = 1: W = 1/(μ−λ), Wq = ρ/(μ−λ). */
export const mm1 = (lambda: number, mu: number) => mmc(lambda, mu, 1);

/**
 * M/M/c/K (K = places in the system, servers included), from the birth–death stationary
 * distribution: blocking P_K, throughput λ(1−P_K), and W by Little's law.
 */
export function mmck(lambda: number, mu: number, c: number, k: number) {
  const p: number[] = [1];
  for (let n = 1; n <= k; n++) p.push((p[n - 1]! * lambda) / (mu * Math.min(n, c)));
  const total = p.reduce((s, x) => s + x, 0);
  const pi = p.map((x) => x / total);
  const pK = pi[k]!;
  const l = pi.reduce((s, x, n) => s + n * x, 0);
  const lq = pi.reduce((s, x, n) => s + Math.max(0, n - c) * x, 0);
  const throughput = lambda * (1 - pK);
  return { pK, throughput, l, lq, w: l / throughput, wq: lq / throughput };
}

/** M/G/1 (Pollaczek–Khinchine): Wq = λ·E[S²] / (2(1−ρ)). */
export function mg1(lambda: number, meanS: number, secondMomentS: number) {
  const rho = lambda * meanS;
  const wq = (lambda * secondMomentS) / (2 * (1 - rho));
  return { rho, wq, w: wq + meanS };
}
