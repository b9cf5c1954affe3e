import type { Rule } from './types.js';
import { nodeEntries } from './types.js';

/** Two things cannot listen on one host port; a replicated node cannot publish a fixed one. */
export const hostPorts: Rule = (doc, report) => {
  const taken = new Map<string, string>();
  for (const [id, node] of nodeEntries(doc)) {
    const own = new Set<string>();
    node.ports.forEach((port, i) => {
      const inside = `${port.port}/${port.protocol}`;
      if (own.has(inside)) report('error', 'port-duplicate', ['nodes', id, 'ports', i, 'port'], `Node "${id}" lists container port ${inside} twice.`);
      own.add(inside);
      if (port.hostPort === undefined) return;
      const key = `${port.hostPort}/${port.protocol}`;
      const owner = taken.get(key);
      if (owner !== undefined) {
        report('error', 'host-port-conflict', ['nodes', id, 'ports', i, 'hostPort'], `Host port ${key} is already published by ${owner}.`);
      } else taken.set(key, `"${id}"`);
      const replicas = 'replicas' in node ? node.replicas : 1;
      if (replicas > 1) {
        report('warning', 'host-port-replicas', ['nodes', id, 'ports', i, 'hostPort'], `"${id}" has ${replicas} replicas but publishes the fixed host port ${port.hostPort}; only one can bind it. Put a load balancer in front or drop hostPort.`);
      }
    });
  }
};

/** Scaling limits that cannot all hold. */
export const scalingBounds: Rule = (doc, report) => {
  for (const [id, node] of nodeEntries(doc)) {
    if (!('scaling' in node) || node.scaling.policy === 'manual') continue;
    const s = node.scaling;
    const at = ['nodes', id, 'scaling'];
    if (s.minReplicas > s.maxReplicas) {
      report('error', 'scaling-min-above-max', [...at, 'minReplicas'], `minReplicas (${s.minReplicas}) is above maxReplicas (${s.maxReplicas}).`);
    } else if (node.replicas < s.minReplicas || node.replicas > s.maxReplicas) {
      report('warning', 'scaling-replicas-outside', ['nodes', id, 'replicas'], `"${id}" starts with ${node.replicas} replicas, outside its scaling range ${s.minReplicas}–${s.maxReplicas}; the autoscaler will move it at once.`);
    }
  }
};

/** Service times and classes that refer to request classes no source sends. */
export const requestClasses: Rule = (doc, report) => {
  const known = new Set<string>();
  for (const [, node] of nodeEntries(doc)) if (node.kind === 'traffic-source') for (const c of node.classes) known.add(c.name);
  for (const [id, node] of nodeEntries(doc)) {
    if (node.kind === 'traffic-source') {
      const names = new Set<string>();
      node.classes.forEach((c, i) => {
        if (names.has(c.name)) report('error', 'class-duplicate', ['nodes', id, 'classes', i, 'name'], `Request class "${c.name}" is listed twice.`);
        names.add(c.name);
      });
      continue;
    }
    if (!('serviceTime' in node) || node.serviceTime === undefined) continue;
    for (const name of Object.keys(node.serviceTime.classes)) {
      if (!known.has(name)) report('warning', 'class-unknown', ['nodes', id, 'serviceTime', 'classes', name], `No traffic source sends requests of class "${name}".`);
    }
  }
  doc.links.forEach((link, i) => {
    if (link.type !== 'call' || link.classes === undefined) return;
    link.classes.forEach((name, j) => {
      if (!known.has(name)) report('warning', 'class-unknown', ['links', i, 'classes', j], `No traffic source sends requests of class "${name}".`);
    });
  });
};

/** PostgreSQL replicas need a primary; a lone database should be backed up. */
export const databases: Rule = (doc, report) => {
  for (const [id, node] of nodeEntries(doc)) {
    if (node.kind !== 'postgres') continue;
    const t = node.topology;
    if (t.mode === 'replica') {
      const primary = doc.nodes[t.primary];
      if (primary === undefined) report('error', 'replica-without-primary', ['nodes', id, 'topology', 'primary'], `"${id}" is a replica of "${t.primary}", which is not a node.`);
      else if (primary.kind !== 'postgres') report('error', 'replica-without-primary', ['nodes', id, 'topology', 'primary'], `"${id}" is a replica of "${t.primary}", which is a ${primary.kind}, not PostgreSQL.`);
      else if (primary.topology.mode === 'replica') report('error', 'replica-without-primary', ['nodes', id, 'topology', 'primary'], `"${id}" follows "${t.primary}", which is itself a replica; point it at the primary.`);
    }
    if (doc.metadata.environment === 'production' && node.backup.type === 'none' && t.mode !== 'replica') {
      report('warning', 'database-no-backup', ['nodes', id, 'backup', 'type'], `Production database "${id}" has no backups: a failure loses its data.`);
    }
    if (node.backup.type === 'nightly' && node.backup.schedule === undefined) {
      report('info', 'backup-schedule', ['nodes', id, 'backup'], `Nightly backups of "${id}" run at 00:00 unless a schedule says otherwise.`);
    }
  }
};
