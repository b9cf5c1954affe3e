import { ID_PATTERN, type Topology } from '../../../src-preload/contract/index.js';

export type RenameResult = { doc: Topology } | { refused: string };

/** Why `to` cannot be the new id, or null when it can. Nodes and groups share one namespace (both become container and Kubernetes names). */
function refusal(doc: Topology, from: string, to: string): string | null {
  if (!ID_PATTERN.test(to)) return `"${to}" is not an id: use 1–63 lower-case letters, digits or hyphens, starting with a letter.`;
  if (to !== from && (to in doc.nodes || to in doc.groups)) return `"${to}" is already the id of a ${to in doc.nodes ? 'node' : 'group'}.`;
  return null;
}

/** The record with one key renamed, in the same order. */
const renameKey = <T>(record: Record<string, T>, from: string, to: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));

const swap = (id: string, from: string, to: string): string => (id === from ? to : id);

/** What names a node or a group in the scenario and settings (faults, deployments, alert rules). */
function renameInScenario(doc: Topology, from: string, to: string): Pick<Topology, 'scenario' | 'settings'> {
  const { scenario, settings } = doc;
  return {
    scenario: {
      ...scenario,
      faults: scenario.faults.map((f) => (f.target === from ? { ...f, target: to } : f)),
      deployments: scenario.deployments.map((d) => (d.target === from ? { ...d, target: to } : d)),
    },
    settings: {
      ...settings,
      monitoring: { ...settings.monitoring, alertRules: settings.monitoring.alertRules.map((r) => (r.target === from ? { ...r, target: to } : r)) },
    },
  };
}

/** Renames node `from` to `to`; links, replicas' primaries, faults, deployments, alert rules and import notes follow. */
export function renameNode(doc: Topology, from: string, to: string): RenameResult {
  if (!(from in doc.nodes)) return { refused: `There is no node "${from}".` };
  const refused = refusal(doc, from, to);
  if (refused !== null) return { refused };
  if (to === from) return { doc };
  const nodes = renameKey(doc.nodes, from, to);
  for (const [id, node] of Object.entries(nodes)) {
    if (node.kind === 'postgres' && node.topology.mode === 'replica' && node.topology.primary === from) nodes[id] = { ...node, topology: { ...node.topology, primary: to } };
  }
  const links = doc.links.map((l) => (l.from === from || l.to === from ? { ...l, from: swap(l.from, from, to), to: swap(l.to, from, to) } : l));
  const imported = doc.imported && { ...doc.imported, unmapped: doc.imported.unmapped.map((u) => (u.node === from ? { ...u, node: to } : u)) };
  return { doc: { ...doc, nodes, links, ...renameInScenario(doc, from, to), ...(imported ? { imported } : {}) } };
}

/** Renames group `from` to `to`; member nodes, child groups, region-wide faults and the primary region follow. */
export function renameGroup(doc: Topology, from: string, to: string): RenameResult {
  if (!(from in doc.groups)) return { refused: `There is no group "${from}".` };
  const refused = refusal(doc, from, to);
  if (refused !== null) return { refused };
  if (to === from) return { doc };
  const groups = Object.fromEntries(Object.entries(renameKey(doc.groups, from, to)).map(([id, g]) => [id, g.parent === from ? { ...g, parent: to } : g]));
  const nodes = Object.fromEntries(Object.entries(doc.nodes).map(([id, n]) => [id, n.group === from ? { ...n, group: to } : n]));
  const moved = renameInScenario(doc, from, to);
  const multiCloud = moved.settings.multiCloud;
  const settings = multiCloud.primaryRegion === from ? { ...moved.settings, multiCloud: { ...multiCloud, primaryRegion: to } } : moved.settings;
  return { doc: { ...doc, groups, nodes, scenario: moved.scenario, settings } };
}
