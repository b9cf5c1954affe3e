import type { NodeKind } from '../nodes.js';
import type { Rule } from './types.js';

const MONITORING: readonly NodeKind[] = ['prometheus', 'grafana', 'thanos', 'elasticsearch', 'logstash', 'kibana'];

/** Each link type connects the kinds it makes sense between. */
export const linkKinds: Rule = (doc, report) => {
  const kindOf = (id: string): NodeKind | undefined => doc.nodes[id]?.kind;
  const seen = new Map<string, number>();
  doc.links.forEach((link, i) => {
    const from = kindOf(link.from);
    const to = kindOf(link.to);
    // Links that differ by topic or by the request classes they carry are not repeats.
    const key = `${link.type} ${link.from} ${link.to} ${'topic' in link ? link.topic : ''} ${link.type === 'call' ? (link.classes ?? []).join(',') : ''}`;
    const first = seen.get(key);
    if (first !== undefined) report('warning', 'link-duplicate', ['links', i], `This ${link.type} link repeats links[${first}].`);
    else seen.set(key, i);
    if (from === undefined || to === undefined) return; // reported by references
    const wrong = (message: string): void => report('error', 'link-kind', ['links', i], message);
    switch (link.type) {
      case 'call':
        if (to === 'traffic-source') wrong(`Nothing calls a traffic source ("${link.to}"); traffic sources only send requests.`);
        if (MONITORING.includes(from)) report('warning', 'link-kind', ['links', i, 'type'], `"${link.from}" is a ${from}; its connections are usually scrape, query or logs links, not calls.`);
        break;
      case 'publish':
        if (to !== 'kafka') wrong(`A publish link goes to a Kafka node; "${link.to}" is a ${to}.`);
        break;
      case 'consume':
        if (from !== 'kafka') wrong(`A consume link starts at a Kafka node; "${link.from}" is a ${from}.`);
        break;
      case 'replication':
        if (from !== to) wrong(`Replication links nodes of one kind; this joins a ${from} to a ${to}.`);
        break;
      case 'scrape':
        if (from !== 'prometheus') wrong(`Only Prometheus scrapes metrics; "${link.from}" is a ${from}.`);
        break;
      case 'logs':
        if (to !== 'logstash' && to !== 'elasticsearch') wrong(`Logs are shipped to Logstash or Elasticsearch; "${link.to}" is a ${to}.`);
        break;
      case 'query':
        if (!MONITORING.includes(from)) report('warning', 'link-kind', ['links', i, 'type'], `Query links are for dashboards and stores (Grafana, Thanos, Kibana); "${link.from}" is a ${from}.`);
        break;
    }
  });
};

/** Topics named by publish and consume links exist on their Kafka node. */
export const kafkaTopics: Rule = (doc, report) => {
  const consumed = new Set<string>();
  doc.links.forEach((link, i) => {
    if (link.type !== 'publish' && link.type !== 'consume') return;
    const kafkaId = link.type === 'publish' ? link.to : link.from;
    const kafka = doc.nodes[kafkaId];
    if (kafka?.kind !== 'kafka') return; // reported by linkKinds or references
    if (!kafka.topics.some((t) => t.name === link.topic)) {
      const who = link.type === 'consume' ? `Consumer "${link.to}"` : `Producer "${link.from}"`;
      report('error', 'kafka-missing-topic', ['links', i, 'topic'], `${who} uses topic "${link.topic}", which Kafka node "${kafkaId}" does not have.`);
    }
    if (link.type === 'consume') {
      consumed.add(`${kafkaId}/${link.topic}`);
      const topic = kafka.topics.find((t) => t.name === link.topic);
      if (topic && link.consumers > topic.partitions) {
        report('warning', 'kafka-idle-consumers', ['links', i, 'consumers'], `${link.consumers} consumers share ${topic.partitions} partition(s) of "${link.topic}": ${link.consumers - topic.partitions} will sit idle.`);
      }
    }
  });
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.kind !== 'kafka') continue;
    node.topics.forEach((t, i) => {
      if (t.replicationFactor > node.brokers) {
        report('error', 'kafka-replication-factor', ['nodes', id, 'topics', i, 'replicationFactor'], `Topic "${t.name}" asks for ${t.replicationFactor} copies but "${id}" has ${node.brokers} broker(s).`);
      }
      if (!consumed.has(`${id}/${t.name}`) && doc.links.some((l) => l.type === 'publish' && l.to === id && l.topic === t.name)) {
        report('warning', 'kafka-unconsumed-topic', ['nodes', id, 'topics', i], `Messages published to "${t.name}" are never consumed.`);
      }
    });
  }
};

/** Synchronous calls must not loop: a cycle would wait on itself forever. */
export const callCycles: Rule = (doc, report) => {
  const out = new Map<string, { to: string; index: number }[]>();
  doc.links.forEach((link, index) => {
    if (link.type !== 'call') return;
    const list = out.get(link.from) ?? [];
    list.push({ to: link.to, index });
    out.set(link.from, list);
  });
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const { to, index } of out.get(id) ?? []) {
      const s = state.get(to);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(to)), to];
        const key = [...cycle].slice(0, -1).sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          report('error', 'call-cycle', ['links', index], `Synchronous calls go round in a circle: ${cycle.join(' → ')}. Break it, or make one step asynchronous through Kafka.`);
        }
      } else if (s === undefined) visit(to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of Object.keys(doc.nodes).sort()) if (!state.has(id)) visit(id);
};
