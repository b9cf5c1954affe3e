import type { Rule } from './types.js';

/** Settings that contradict the document or each other. */
export const settingsConsistency: Rule = (doc, report) => {
  const { multiCloud, monitoring, security } = doc.settings;
  if (multiCloud.primaryRegion !== undefined && Object.keys(doc.groups).length > 0) {
    const known = Object.entries(doc.groups).some(([id, g]) => id === multiCloud.primaryRegion || g.providerRegion === multiCloud.primaryRegion);
    if (!known) report('warning', 'primary-region-unknown', ['settings', 'multiCloud', 'primaryRegion'], `The primary region "${multiCloud.primaryRegion}" is not one of the document's groups.`);
  }
  const providers = new Set(Object.values(doc.groups).flatMap((g) => (g.provider ? [g.provider] : [])));
  multiCloud.clouds.forEach((cloud, i) => {
    if (providers.size > 0 && !providers.has(cloud)) report('info', 'cloud-unused', ['settings', 'multiCloud', 'clouds', i], `${cloud} is listed but no group runs on it.`);
  });
  const notifiesEmail = monitoring.alertRules.some((r) => r.notify.includes('email'));
  if (notifiesEmail && monitoring.emailTo.length === 0) {
    report('warning', 'alert-email-nobody', ['settings', 'monitoring', 'emailTo'], 'Alerts send email but no address is given.');
  }
  if (security.accessControl === 'zero-trust' && (security.encryption === 'none' || security.encryption === 'optional')) {
    report('warning', 'zero-trust-unencrypted', ['settings', 'security', 'encryption'], 'Zero trust without mandatory encryption trusts the network after all.');
  }
  doc.scenario.faults.forEach((fault, i) => {
    if (fault.at >= doc.scenario.durationS) report('warning', 'fault-after-end', ['scenario', 'faults', i, 'at'], `This fault is planned at ${fault.at} s, after the run ends (${doc.scenario.durationS} s).`);
    else if (fault.repeat !== undefined) {
      const fit = Math.min(fault.repeat.times, Math.floor((doc.scenario.durationS - fault.at - 1e-9) / fault.repeat.everyS) + 1);
      if (fit < fault.repeat.times)
        report('info', 'fault-repeat-after-end', ['scenario', 'faults', i, 'repeat', 'times'], `Only ${fit} of the ${fault.repeat.times} times fit in the run (${doc.scenario.durationS} s); the rest would come after it ends.`);
    }
    const target = doc.nodes[fault.target];
    if (fault.type === 'region-outage' && target !== undefined) report('error', 'fault-target-kind', ['scenario', 'faults', i, 'target'], 'A region outage targets a group (region or cloud), not a node.');
    if (fault.type === 'db-primary-failure' && target !== undefined && target.kind !== 'postgres') report('error', 'fault-target-kind', ['scenario', 'faults', i, 'target'], `A database primary failure targets a PostgreSQL node; "${fault.target}" is a ${target.kind}.`);
    if (fault.type === 'cache-flush' && target !== undefined && target.kind !== 'redis') report('error', 'fault-target-kind', ['scenario', 'faults', i, 'target'], `A cache flush targets a Redis node; "${fault.target}" is a ${target.kind}.`);
  });
};
