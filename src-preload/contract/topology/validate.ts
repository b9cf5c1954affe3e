import type { Topology } from './document.js';
import { formatPath, type Finding } from './findings.js';
import { linkKinds, kafkaTopics, callCycles } from './rules/links.js';
import { databases, hostPorts, requestClasses, scalingBounds } from './rules/nodes.js';
import { overload, reachability } from './rules/flow.js';
import { groupNesting, referencesExist } from './rules/references.js';
import { settingsConsistency } from './rules/settings.js';
import type { RawFinding, Rule } from './rules/types.js';

export type { RawFinding, PathSegment } from './rules/types.js';

/** Every semantic rule, in the order findings are listed. */
export const RULES: readonly Rule[] = [
  referencesExist,
  groupNesting,
  linkKinds,
  kafkaTopics,
  callCycles,
  hostPorts,
  scalingBounds,
  requestClasses,
  databases,
  reachability,
  overload,
  settingsConsistency,
];

/**
 * What a careful reviewer would catch in a document that already fits the schema.
 * Pure: no I/O, so the editor can run it on every edit.
 */
export function validateTopologyRaw(doc: Topology): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of RULES) rule(doc, (severity, code, path, message) => findings.push({ severity, code, path, message }));
  return findings;
}

export function validateTopology(doc: Topology): Finding[] {
  return validateTopologyRaw(doc).map((f) => ({ ...f, path: formatPath(f.path) }));
}
