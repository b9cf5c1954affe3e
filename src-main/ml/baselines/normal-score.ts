// A z-score as a score in [0, 1]: 1 − 2·Φ(−|z|) = erf(|z|/√2), the chance that a normal point
// lies closer to the mean than this one (|z| = 3 → 0.9973, 4 → 0.99994). erfc is W. J. Cody's
// rational approximation as Numerical Recipes' erfcc gives it (relative error < 1.2e-7), so
// scores stay ordered by |z| until they round to 1 (|z| ≳ 8).

export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** erf(|z|/√2), in [0, 1]. */
export const scoreFromZ = (z: number): number => (Number.isNaN(z) ? 0 : Math.min(1, Math.max(0, 1 - erfc(Math.abs(z) / Math.SQRT2))));
