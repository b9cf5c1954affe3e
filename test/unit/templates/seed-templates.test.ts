// Each template must say what the system description's tables say. Every phrase of every
// cell is claimed by a check below; a phrase nobody claims fails the test, so a template
// cannot drift from the seed, and a seed change cannot go unnoticed.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeOf, Topology, TopologyNode } from '../../../src-preload/contract/topology/index.js';
import { loadDocument } from '../../../src-main/documents/load-document.js';
import { bullets, readSeed, section, SHARED_SEED, table, VENDORED_SEED } from './seed.js';

type Env = 'production' | 'development' | 'experimental';
const ENVS: Env[] = ['production', 'development', 'experimental'];
const docs = Object.fromEntries(
  ENVS.map((env) => {
    const text = readFileSync(resolve(import.meta.dirname, `../../../resources/templates/${env}.devsim.yaml`), 'utf8');
    const { document, findings } = loadDocument(text, env);
    if (!document) throw new Error(`${env}: ${JSON.stringify(findings)}`);
    return [env, document];
  }),
) as Record<Env, Topology>;

const nodes = (doc: Topology): TopologyNode[] => Object.values(doc.nodes);
const ofKind = <K extends TopologyNode['kind']>(doc: Topology, kind: K): NodeOf<K>[] => nodes(doc).filter((n) => n.kind === kind) as NodeOf<K>[];
const apps = (doc: Topology): NodeOf<'app-service'>[] => ofKind(doc, 'app-service');
const ml = (doc: Topology): NodeOf<'ml-inference'>[] => ofKind(doc, 'ml-inference');
const dbs = (doc: Topology): NodeOf<'postgres'>[] => ofKind(doc, 'postgres');

/** A phrase of the seed and what it demands of the template. */
type Claim = [RegExp, (doc: Topology, match: RegExpExecArray) => void];

/** Checks every phrase of `cell` against the claims; what no claim matches is reported. */
function verify(cell: string, doc: Topology, claims: Claim[]): void {
  let rest = cell;
  for (const [pattern, check] of claims) {
    const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(rest);
    if (!m) continue;
    check(doc, m);
    rest = rest.replace(m[0], ' ');
  }
  const leftover = rest.replace(/\b(and|with|via|for|of|the)\b/gi, ' ').replace(/[\s,+()/.&-]+/g, ' ').trim();
  expect(leftover, `the seed says "${cell}" but nothing checks "${leftover}" in ${doc.metadata.name}`).toBe('');
}

const seed = readSeed();

describe('the seed document', () => {
  it('is vendored unchanged in resources/seed', () => {
    if (existsSync(SHARED_SEED)) expect(readFileSync(VENDORED_SEED, 'utf8')).toBe(readFileSync(SHARED_SEED, 'utf8'));
    expect(readFileSync(VENDORED_SEED, 'utf8')).toContain('# System Architecture');
  });
});

describe('templates reproduce the seed', () => {
  const rowFor = (rows: Record<string, string>[], env: Env): Record<string, string> => {
    const row = rows.find((r) => (r.Environment ?? '').toLowerCase() === env);
    if (!row) throw new Error(`no ${env} row`);
    return row;
  };

  const appRows = table(section(seed, /Application Server/));
  it.each(ENVS)('%s: application server (technology, ports, scaling, features)', (env) => {
    const row = rowFor(appRows, env);
    const doc = docs[env];
    verify(row.Technology!, doc, [
      [/TensorFlow\.js/, (d) => expect(apps(d).every((a) => a.runtime === 'node-express-tfjs')).toBe(true)],
      [/Node\.js \+ Express/, (d) => expect(apps(d).length).toBeGreaterThan(0)],
    ]);
    verify(row['Port(s)']!, doc, [
      [/^(?:\d+ \([^)]+\)(?:, )?)+$/, (d, m) => {
        for (const [, port, name] of m[0].matchAll(/(\d+) \(([^)]+)\)/g)) {
          const wanted = name!.toLowerCase().replace(/\s+/g, '-');
          expect(apps(d).every((a) => a.ports.some((p) => p.port === Number(port) && p.name === wanted)), `${port} ${wanted}`).toBe(true);
        }
      }],
      [/^(\d+)$/, (d, m) => expect(apps(d).every((a) => a.ports.some((p) => p.port === Number(m[1])))).toBe(true)],
    ]);
    verify(row.Scaling!, doc, [
      [/AI-powered predictive auto-scaling/i, (d) => {
        expect(d.settings.scaling).toBe('predictive-ai');
        expect(apps(d).every((a) => a.scaling.policy === 'predictive')).toBe(true);
      }],
      [/Horizontal auto-scaling/i, (d) => {
        expect(d.settings.scaling).toBe('horizontal-autoscaling');
        expect(apps(d).every((a) => a.scaling.policy === 'hpa')).toBe(true);
      }],
      [/Manual scaling/i, (d) => {
        expect(d.settings.scaling).toBe('manual');
        expect(apps(d).every((a) => a.scaling.policy === 'manual')).toBe(true);
      }],
    ]);
    verify(row['Special Features']!, doc, [
      [/Stable release/i, (d) => expect(d.metadata.labels.release).toBe('stable')],
      [/Hot reload/i, (d) => expect(apps(d).every((a) => a.hotReload)).toBe(true)],
      [/Debug mode/i, (d) => expect(apps(d).every((a) => a.debug)).toBe(true)],
      [/Real-time ML inference via Apache Kafka/i, (d) => {
        const kafka = Object.entries(d.nodes).find(([, n]) => n.kind === 'kafka')![0];
        expect(d.links.some((l) => l.type === 'publish' && l.to === kafka)).toBe(true);
        expect(d.links.some((l) => l.type === 'consume' && l.from === kafka && d.nodes[l.to]?.kind === 'ml-inference')).toBe(true);
      }],
    ]);
  });

  const dbRows = table(section(seed, /Database Layer/));
  it.each(ENVS)('%s: database layer (engine, configuration, backup, extras)', (env) => {
    const row = rowFor(dbRows, env);
    const doc = docs[env];
    verify(row.Database!, doc, [
      [/PostgreSQL (\d+)/, (d, m) => expect(dbs(d).length > 0 && dbs(d).every((p) => p.version === m[1])).toBe(true)],
      [/Cluster \((\d+) nodes\)/i, (d, m) => expect(dbs(d).every((p) => p.topology.mode === 'multi-master' && p.topology.nodes === Number(m[1]))).toBe(true)],
      [/\+ Redis/, (d) => expect(ofKind(d, 'redis').length).toBeGreaterThan(0)],
      [/\(Local\)/, (d) => expect(d.settings.security.localOnly && Object.values(d.groups).every((g) => g.provider === 'local')).toBe(true)],
    ]);
    verify(row.Configuration!, doc, [
      [/Master-slave replication/i, (d) => expect(dbs(d).every((p) => p.topology.mode === 'primary-replica')).toBe(true)],
      [/Single instance/i, (d) => expect(dbs(d).every((p) => p.topology.mode === 'single')).toBe(true)],
      [/Multi-master replication/i, (d) => expect(dbs(d).every((p) => p.topology.mode === 'multi-master')).toBe(true)],
    ]);
    verify(row.Backup!, doc, [
      [/Automated nightly backups/i, (d) => expect(dbs(d).every((p) => p.backup.type === 'nightly' && p.backup.schedule !== undefined)).toBe(true)],
      [/Continuous backup with geo-redundancy/i, (d) => expect(dbs(d).every((p) => p.backup.type === 'continuous' && p.backup.geoRedundant)).toBe(true)],
      [/^Manual$/i, (d) => expect(dbs(d).every((p) => p.backup.type === 'manual')).toBe(true)],
    ]);
    verify(row['Extra Features']!, doc, [
      [/Optimized for reliability/i, (d) => expect(dbs(d).every((p) => p.failover.automatic && p.topology.mode !== 'single')).toBe(true)],
      [/Includes seed data for testing/i, (d) => expect(dbs(d).every((p) => p.seedData)).toBe(true)],
      [/ML-based cache optimization/i, (d) => expect(ml(d).some((m) => m.purpose === 'cache-optimization')).toBe(true)],
      [/AI-driven query tuning/i, (d) => expect(ml(d).some((m) => m.purpose === 'query-tuning')).toBe(true)],
    ]);
  });

  const monRows = table(section(seed, /Monitoring & Observability/));
  it.each(ENVS)('%s: monitoring and observability', (env) => {
    const row = rowFor(monRows, env);
    const doc = docs[env];
    const has = (kind: TopologyNode['kind']) => (d: Topology) => expect(ofKind(d, kind).length, kind).toBeGreaterThan(0);
    verify(row.Tools!, doc, [
      [/Prometheus/, has('prometheus')],
      [/Grafana/, has('grafana')],
      [/Thanos/, has('thanos')],
      [/ELK Stack/, (d) => (['elasticsearch', 'logstash', 'kibana'] as const).forEach((k) => has(k)(d))],
      [/Console logging/i, (d) => expect(d.settings.monitoring.logging).toBe('console')],
    ]);
    const metrics = (d: Topology): string[] => d.settings.monitoring.metrics;
    verify(row.Capabilities!, doc, [
      [/CPU, Memory, Disk, Network monitoring/i, (d) => expect(metrics(d)).toEqual(expect.arrayContaining(['cpu', 'memory', 'disk', 'network']))],
      [/Email alerts/i, (d) => {
        expect(d.settings.monitoring.alertRules.some((r) => r.notify.includes('email'))).toBe(true);
        expect(d.settings.monitoring.emailTo.length).toBeGreaterThan(0);
      }],
      [/Verbose developer metrics/i, (d) => expect(d.settings.monitoring.verbose).toBe(true)],
      [/AI log analysis/i, (d) => expect(d.settings.monitoring.aiLogAnalysis && d.links.some((l) => l.type === 'logs')).toBe(true)],
      [/long-term data retention/i, (d) => expect(d.settings.monitoring.longTermRetention && ofKind(d, 'thanos').every((t) => t.retentionDays >= 365)).toBe(true)],
      [/anomaly alerts/i, (d) => expect(d.settings.monitoring.anomalyAlerts && d.settings.monitoring.alertRules.some((r) => r.metric === 'anomaly_score')).toBe(true)],
    ]);
  });

  it('experimental: the AI/ML pipeline (frameworks, models, training, inference)', () => {
    const pipeline = bullets(section(seed, /AI\/ML Pipeline/));
    const doc = docs.experimental;
    for (const other of ['production', 'development'] as const) expect(ml(docs[other])).toEqual([]);
    verify(pipeline.Frameworks!, doc, [
      [/TensorFlow/, (d) => expect(ml(d).some((m) => m.framework.startsWith('tensorflow'))).toBe(true)],
      [/PyTorch/, (d) => expect(ml(d).some((m) => m.framework === 'pytorch')).toBe(true)],
      [/Scikit-learn/i, (d) => expect(ml(d).some((m) => m.framework === 'scikit-learn')).toBe(true)],
    ]);
    const models = section(seed, /AI\/ML Pipeline/).split('\n').filter((l) => l.includes('→'));
    expect(models).toHaveLength(3);
    for (const line of models) {
      verify(line.replace(/^\s*-\s*/, ''), doc, [
        [/Anomaly detection → LSTM Neural Network/, (d) => expect(ml(d).some((m) => m.purpose === 'anomaly-detection' && /lstm/.test(m.model ?? ''))).toBe(true)],
        [/Load prediction → XGBoost/, (d) => expect(ml(d).some((m) => m.purpose === 'load-forecast' && m.framework === 'xgboost')).toBe(true)],
        [/Auto-scaling optimization → Reinforcement Learning/, (d) => expect(ml(d).some((m) => m.purpose === 'autoscaling-policy' && /^rl-/.test(m.model ?? ''))).toBe(true)],
      ]);
    }
    verify(pipeline.Training!, doc, [[/Continuous online learning/i, (d) => expect(ml(d).every((m) => m.onlineLearning)).toBe(true)]]);
    verify(pipeline.Inference!, doc, [[/Real-time \(<(\d+)ms latency\)/, (d, m) => expect(ml(d).every((x) => x.latencyBudgetMs <= Number(m[1]))).toBe(true)]]);
  });

  it('multi-cloud orchestration', () => {
    const features = Object.fromEntries(table(section(seed, /Multi-Cloud Orchestration/)).map((r) => [r.Feature, r.Details]));
    const multi = [docs.production, docs.experimental];
    verify(features['Supported Clouds']!, docs.experimental, [
      [/AWS, Azure, GCP, DigitalOcean/, (d) => {
        expect(d.settings.multiCloud.clouds).toEqual(['aws', 'azure', 'gcp', 'digitalocean']);
        const providers = new Set(Object.values(d.groups).map((g) => g.provider));
        for (const c of ['aws', 'azure', 'gcp', 'digitalocean'] as const) expect(providers.has(c), c).toBe(true);
      }],
    ]);
    for (const doc of multi) {
      verify(features.Orchestrator!, doc, [[/Kubernetes with custom CRDs/, (d) => expect(d.settings.multiCloud.orchestrator).toBe('kubernetes-crds')]]);
      verify(features['Load Balancing']!, doc, [[/Global Anycast via GeoDNS/, (d) => {
        expect(d.settings.multiCloud.globalLoadBalancing).toBe('geodns-anycast');
        expect(ofKind(d, 'geodns').every((g) => g.anycast)).toBe(true);
      }]]);
      verify(features.Failover!, doc, [[/Automatic cross-cloud failover/, (d) => {
        expect(d.settings.multiCloud.failover).toBe('automatic-cross-cloud');
        expect(new Set(Object.values(d.groups).filter((g) => g.type === 'cloud').map((g) => g.provider)).size).toBeGreaterThan(1);
      }]]);
    }
    verify(features['Production Region']!, docs.production, [[/us-east-1/, (d) => {
      expect(d.settings.multiCloud.primaryRegion).toBe('us-east-1');
      const region = Object.entries(d.groups).find(([, g]) => g.providerRegion === 'us-east-1')![0];
      expect(apps(d).some((a) => a.group === region)).toBe(true);
    }]]);
  });

  it.each(ENVS)('%s: deployment strategy', (env) => {
    const heading = new RegExp(`^### ${env}$`, 'i');
    const strategy = bullets(section(section(seed, /Deployment Strategy/), heading));
    const doc = docs[env];
    const claims: Claim[] = [
      [/Rolling updates/i, (d) => expect(d.settings.deployment.method).toBe('rolling-update')],
      [/Docker Compose/i, (d) => expect(d.settings.deployment.method === 'docker-compose' && d.settings.deployment.orchestrator === 'docker-compose').toBe(true)],
      [/Kubernetes multi-cloud deployment/i, (d) => expect(d.settings.deployment.method === 'kubernetes' && d.settings.deployment.multiCloud).toBe(true)],
      [/Automated unit and integration tests before deployment/i, (d) => expect(d.settings.deployment.testsBeforeDeploy).toBe(true)],
      [/Automated on failure/i, (d) => expect(d.settings.deployment.rollback).toBe('automated')],
      [/Predictive AI auto-scaling/i, (d) => expect(d.settings.scaling).toBe('predictive-ai')],
      [/Enabled for resilience testing/i, (d) => expect(d.settings.deployment.chaosEngineering && d.scenario.faults.length > 0).toBe(true)],
      [/^Enabled$/i, () => undefined], // checked per key below
    ];
    for (const [key, value] of Object.entries(strategy)) {
      verify(value, doc, claims);
      if (key === 'Zero-Downtime') expect(doc.settings.deployment.zeroDowntime).toBe(value === 'Enabled');
      if (key === 'Hot Reload') expect(doc.settings.deployment.hotReload).toBe(value === 'Enabled');
    }
    expect(Object.keys(strategy).length).toBeGreaterThanOrEqual(3);
  });

  const securityRows = table(section(seed, /^## Security/));
  it.each(ENVS)('%s: security', (env) => {
    const row = rowFor(securityRows, env);
    const doc = docs[env];
    const sec = (d: Topology): Topology['settings']['security'] => d.settings.security;
    verify(row.Encryption!, doc, [
      [/SSL\/TLS/, (d) => expect(sec(d).encryption).toBe('tls')],
      [/Optional/, (d) => expect(sec(d).encryption).toBe('optional')],
      [/AES-256/, (d) => expect(sec(d).encryption).toBe('aes-256')],
    ]);
    verify(row['Access Control']!, doc, [
      [/Strict access policies/i, (d) => expect(sec(d).accessControl).toBe('strict')],
      [/Relaxed \(for debugging\)/i, (d) => expect(sec(d).accessControl === 'relaxed' && apps(d).every((a) => a.debug)).toBe(true)],
      [/Zero-trust framework/i, (d) => expect(sec(d).accessControl).toBe('zero-trust')],
    ]);
    verify(row['Special Notes']!, doc, [
      [/Hardened endpoints/i, (d) => expect(sec(d).hardenedEndpoints).toBe(true)],
      [/Local environment only/i, (d) => expect(sec(d).localOnly).toBe(true)],
      [/AI-driven threat detection and anomaly alerting/i, (d) => expect(sec(d).threatDetection && d.settings.monitoring.anomalyAlerts).toBe(true)],
    ]);
  });
});
