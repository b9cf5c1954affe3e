// Findings are the shared type of the topology contract (the loader and validator use it too);
// what an importer leaves out is particular to importing, so it is defined here.
export { type Finding, formatPath, hasErrors } from '../../src-preload/contract/topology/findings.js';

/** A part of the source that has no place in the topology document, kept with its original value. */
export interface Unmapped {
  path: string;
  /** The same place as keys, so the importer can tell a whole service field or section. */
  keys: readonly PathKey[];
  value: unknown;
  /** Why it could not be mapped. */
  reason: string;
}

export type PathKey = string | number;
