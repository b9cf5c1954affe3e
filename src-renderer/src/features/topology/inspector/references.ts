import type { Topology } from '../../../../../src-preload/contract/index.js';
import type { FieldPath } from '../../../stores/field-edits.js';

/**
 * The ids a reference field may name, for a choice instead of free text: a node's group, a
 * group's parent, a link's ends, a PostgreSQL replica's primary. Null: not a reference.
 */
export function referenceChoices(doc: Topology, path: FieldPath): string[] | null {
  const [section, own, ...rest] = path;
  const field = rest.join('.');
  if (section === 'nodes' && field === 'group') return Object.keys(doc.groups);
  if (section === 'groups' && field === 'parent') return Object.keys(doc.groups).filter((g) => g !== own);
  if (section === 'links' && (field === 'from' || field === 'to')) return Object.keys(doc.nodes);
  // A planned fault names a node or a group (a region-wide fault); a deployment, a node.
  if (section === 'scenario' && rest[1] === 'target' && rest.length === 2) {
    if (own === 'deployments') return Object.keys(doc.nodes);
    if (own === 'faults') return [...Object.keys(doc.nodes), ...Object.keys(doc.groups)];
  }
  if (section === 'nodes' && field === 'topology.primary') {
    return Object.entries(doc.nodes)
      .filter(([id, n]) => n.kind === 'postgres' && id !== own)
      .map(([id]) => id);
  }
  return null;
}
