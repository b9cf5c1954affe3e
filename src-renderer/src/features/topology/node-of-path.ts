/** The node a finding's field path points into (`nodes.api.scaling` → `api`), or null. */
export function nodeOfPath(path: string): string | null {
  const m = /^nodes(?:\.([\w$-]+)|\["((?:[^"\\]|\\.)*)"\])(?=$|[.[])/.exec(path);
  if (!m) return null;
  if (m[1] !== undefined) return m[1];
  try {
    return JSON.parse(`"${m[2]!}"`) as string;
  } catch {
    return null;
  }
}
