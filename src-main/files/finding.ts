// Local for now: the same shape as the shared Finding the lead is adding to
// src-preload/contract/topology (validate.ts); switch the import when it lands.

/** One thing an importer found, placed so a person can go to it. */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  /** The field path in the source file, e.g. `services.web.ports[1]`. */
  path: string;
  message: string;
  /** 1-based line and column in the source file. */
  line?: number;
  column?: number;
  /** A stable id of the rule, e.g. `compose-unmapped`. */
  code: string;
}

/** A part of the source that has no place in the topology document, kept with its original value. */
export interface Unmapped {
  path: string;
  value: unknown;
  /** Why it could not be mapped. */
  reason: string;
}

export type PathKey = string | number;

/** Writes a path as people read it: services.web.ports[1], services["my.svc"]. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');
