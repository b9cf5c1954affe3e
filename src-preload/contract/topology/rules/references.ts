import type { Rule } from './types.js';
import { nodeEntries } from './types.js';
import { parseWatch } from '../watch.js';

/** Every id a link, group, node, fault, deployment or alert names must exist. */
export const referencesExist: Rule = (doc, report) => {
  const nodes = doc.nodes;
  doc.links.forEach((link, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!(link[end] in nodes)) report('error', 'link-missing-node', ['links', i, end], `The link ${end === 'from' ? 'starts at' : 'goes to'} "${link[end]}", which is not a node in this document.`);
    }
    if (link.from === link.to) report('error', 'link-self', ['links', i, 'to'], `The link goes from "${link.from}" to itself.`);
  });
  for (const [id, node] of nodeEntries(doc)) {
    if (node.group !== undefined && !(node.group in doc.groups)) {
      report('error', 'node-missing-group', ['nodes', id, 'group'], `Node "${id}" is placed in "${node.group}", which is not a group in this document.`);
    }
  }
  for (const [id, group] of Object.entries(doc.groups)) {
    if (group.parent !== undefined && !(group.parent in doc.groups)) {
      report('error', 'group-missing-parent', ['groups', id, 'parent'], `Group "${id}" sits in "${group.parent}", which is not a group in this document.`);
    }
    if (id in nodes) report('error', 'id-clash', ['groups', id], `"${id}" is both a group and a node; ids must be unique.`);
  }
  const targets = new Set([...Object.keys(nodes), ...Object.keys(doc.groups)]);
  doc.scenario.faults.forEach((fault, i) => {
    if (!targets.has(fault.target)) report('error', 'fault-missing-target', ['scenario', 'faults', i, 'target'], `The ${fault.type} fault targets "${fault.target}", which is neither a node nor a group.`);
  });
  doc.scenario.deployments.forEach((dep, i) => {
    if (!(dep.target in nodes)) report('error', 'deployment-missing-target', ['scenario', 'deployments', i, 'target'], `The deployment targets "${dep.target}", which is not a node.`);
  });
  for (const [id, node] of nodeEntries(doc)) {
    if (node.kind !== 'ml-inference' || node.watch === undefined) continue;
    const watched = parseWatch(node.watch).node;
    if (!(watched in nodes)) report('error', 'watch-missing-node', ['nodes', id, 'watch'], `Node "${id}" watches "${watched}", which is not a node in this document.`);
    if (node.purpose !== 'anomaly-detection') report('warning', 'watch-without-detector', ['nodes', id, 'watch'], `Node "${id}" watches a series, but only an anomaly-detection model scores one; its purpose is ${node.purpose}.`);
  }
  doc.settings.monitoring.alertRules.forEach((rule, i) => {
    if (rule.target !== '*' && !(rule.target in nodes)) {
      report('error', 'alert-missing-target', ['settings', 'monitoring', 'alertRules', i, 'target'], `Alert "${rule.name}" watches "${rule.target}", which is not a node.`);
    }
  });
};

/** Groups nest cloud ⊃ region ⊃ zone without cycles. */
export const groupNesting: Rule = (doc, report) => {
  const expected = { cloud: undefined, region: 'cloud', zone: 'region' } as const;
  for (const [id, group] of Object.entries(doc.groups)) {
    const parent = group.parent === undefined ? undefined : doc.groups[group.parent];
    const want = expected[group.type];
    if (parent && want === undefined) report('warning', 'group-nesting', ['groups', id, 'parent'], `A cloud does not sit inside another group.`);
    else if (parent && parent.type !== want) report('warning', 'group-nesting', ['groups', id, 'parent'], `A ${group.type} belongs in a ${want}, not in a ${parent.type}.`);
    const seen = new Set([id]);
    for (let at = group.parent; at !== undefined; at = doc.groups[at]?.parent) {
      if (seen.has(at)) {
        report('error', 'group-cycle', ['groups', id, 'parent'], `Group "${id}" ends up inside itself.`);
        break;
      }
      seen.add(at);
    }
  }
};
