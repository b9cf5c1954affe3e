import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { exportKubernetes } from '../../../src-main/files/export-k8s.js';
import { NODE_KINDS, type Topology } from '../../../src-preload/contract/topology/index.js';
import { TEMPLATE_NAMES, documentOf, everyKind, template } from './export-fixtures.js';
import { kubernetesErrors } from './export-schemas.js';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, any>; // manifests read back from YAML: any shape
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

const manifests = (files: Record<string, string>): Map<string, Obj> => {
  const out = new Map<string, Obj>();
  for (const [path, text] of Object.entries(files)) out.set(path, parse(text) as Obj);
  return out;
};
const baseObjects = (files: Record<string, string>): Obj[] =>
  [...manifests(files)].filter(([p]) => p.startsWith('base/') && p !== 'base/kustomization.yaml').map(([, o]) => o);
const find = (objs: Obj[], kind: string, name: string): Obj | undefined => objs.find((o) => o.kind === kind && o.metadata.name === name);

// What the API server checks beyond the OpenAPI schema (apimachinery validation).
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?=[a-z0-9])){0,14}$/;
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}): boolean => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** Cross-object rules a careful reviewer (and the API server or controllers) would check. */
function apiServerProblems(objs: Obj[]): string[] {
  const problems: string[] = [];
  const say = (o: Obj, message: string) => problems.push(`${o.kind}/${o.metadata.name}: ${message}`);
  const workloads = objs.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
  for (const o of objs) {
    if (!DNS_LABEL.test(o.metadata.name)) say(o, 'name is not a DNS label');
    for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
      if (!LABEL_KEY.test(k) || !LABEL_VALUE.test(v)) say(o, `label ${k}=${v} is not valid`);
    }
  }
  for (const w of workloads) {
    const spec = w.spec!;
    if (!matches(spec.selector.matchLabels, spec.template.metadata.labels)) say(w, 'selector does not match the pod labels');
    for (const c of spec.template.spec.containers) {
      for (const p of c.ports ?? []) if (!IANA_SVC_NAME.test(p.name)) say(w, `port name ${p.name} is not an IANA service name`);
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const holder = find(objs, e.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret', ref.name);
        if (!holder || !(ref.key in (holder.data ?? holder.stringData ?? {}))) say(w, `env ${e.name} refers to a missing key`);
      }
    }
    if (w.kind === 'StatefulSet') {
      const headless = find(objs, 'Service', spec.serviceName);
      if (!headless || headless.spec!.clusterIP !== 'None') say(w, 'serviceName is not a headless Service');
      const claims = new Set(spec.volumeClaimTemplates.map((t: Obj) => t.metadata.name));
      for (const c of spec.template.spec.containers) for (const m of c.volumeMounts ?? []) if (!claims.has(m.name)) say(w, `mount ${m.name} has no claim`);
    }
  }
  for (const s of objs.filter((o) => o.kind === 'Service')) {
    const target = workloads.find((w) => matches(s.spec!.selector, w.spec!.template.metadata.labels));
    if (!target) say(s, 'selects no workload');
    const names = new Set(target?.spec!.template.spec.containers.flatMap((c: { ports?: Array<{ name: string }> }) => (c.ports ?? []).map((p) => p.name)));
    for (const p of s.spec!.ports ?? []) if (!names.has(p.targetPort)) say(s, `targetPort ${p.targetPort} is not a container port`);
  }
  for (const h of objs.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const ref = h.spec!.scaleTargetRef;
    if (!find(workloads, ref.kind, ref.name)) say(h, 'scales a workload that does not exist');
    if (h.spec!.minReplicas > h.spec!.maxReplicas) say(h, 'minReplicas above maxReplicas');
  }
  for (const p of objs.filter((o) => o.kind === 'PodDisruptionBudget')) {
    if (!workloads.some((w) => matches(p.spec!.selector.matchLabels, w.spec!.template.metadata.labels))) say(p, 'selects no pods');
  }
  return problems;
}

async function allValid(files: Record<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const [path, obj] of manifests(files)) {
    if (obj.kind === 'Kustomization') continue;
    for (const e of await kubernetesErrors(obj)) problems.push(`${path}: ${e}`);
  }
  return problems;
}

describe('exportKubernetes: every manifest validates against the Kubernetes OpenAPI schemas', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`the ${name} template: schema-valid and consistent across objects`, async () => {
      const { files } = exportKubernetes(template(name));
      expect(await allValid(files)).toEqual([]);
      expect(apiServerProblems(baseObjects(files))).toEqual([]);
    });
  }

  it('the every-kind document (zero trust): schema-valid and consistent across objects', async () => {
    const { files } = exportKubernetes(everyKind());
    expect(await allValid(files)).toEqual([]);
    expect(apiServerProblems(baseObjects(files))).toEqual([]);
    const kinds = new Set(baseObjects(files).map((o) => o.metadata.labels?.['app.kubernetes.io/component']).filter((k) => k !== undefined));
    expect([...kinds].sort()).toEqual(NODE_KINDS.filter((k) => k !== 'traffic-source' && k !== 'geodns').sort());
  });

  it('the validator is live: a wrong type or a missing required field is refused', async () => {
    const objs = baseObjects(exportKubernetes(template('production')).files);
    const deployment = structuredClone(find(objs, 'Deployment', 'api')!);
    deployment.spec!.template.spec.containers[0].ports[0].containerPort = '8080x';
    expect(await kubernetesErrors(deployment)).not.toEqual([]);
    const hpa = structuredClone(find(objs, 'HorizontalPodAutoscaler', 'api')!);
    delete hpa.spec!.maxReplicas;
    expect(await kubernetesErrors(hpa)).not.toEqual([]);
  });

  it('the cross-object checks are live: a Service selecting nothing and a dangling env reference are caught', () => {
    const objs = structuredClone(baseObjects(exportKubernetes(template('production')).files));
    find(objs, 'Service', 'api')!.spec!.selector = { 'app.kubernetes.io/name': 'nope' };
    find(objs, 'StatefulSet', 'db')!.spec!.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key = 'MISSING';
    expect(apiServerProblems(objs)).toEqual(['StatefulSet/db: env POSTGRES_DB refers to a missing key', 'Service/api: selects no workload', 'Service/api: targetPort http is not a container port']);
  });
});

describe('exportKubernetes: layout', () => {
  for (const name of [...TEMPLATE_NAMES, 'every-kind'] as const) {
    it(`base/kustomization.yaml lists exactly the base files, and each overlay its own (${name})`, () => {
      const { files } = exportKubernetes(name === 'every-kind' ? everyKind() : template(name));
      const base = parse(files['base/kustomization.yaml']!) as { resources: string[] };
      const baseFiles = Object.keys(files).filter((p) => p.startsWith('base/') && p !== 'base/kustomization.yaml').map((p) => p.slice(5));
      expect([...base.resources].sort()).toEqual(baseFiles.sort());
      expect(new Set(base.resources).size).toBe(base.resources.length);
      for (const env of ['production', 'development', 'experimental']) {
        const k = parse(files[`overlays/${env}/kustomization.yaml`]!) as { resources: string[]; namespace: string };
        expect(k.resources).toEqual(['namespace.yaml', '../../base']);
        expect((parse(files[`overlays/${env}/namespace.yaml`]!) as Obj).metadata.name).toBe(k.namespace);
      }
      const overlayFiles = Object.keys(files).filter((p) => p.startsWith('overlays/'));
      expect(overlayFiles).toHaveLength(6);
    });
  }

  it('the same document gives the same files byte for byte, whatever order its nodes were written in', () => {
    const doc = template('experimental');
    const reversed = { ...doc, nodes: Object.fromEntries(Object.entries(doc.nodes).reverse()) } as Topology;
    const first = exportKubernetes(doc);
    expect(exportKubernetes(doc)).toEqual(first);
    expect(exportKubernetes(reversed).files).toEqual(first.files);
  });
});

describe('exportKubernetes: mapping', () => {
  const objs = baseObjects(exportKubernetes(everyKind()).files);

  it('stateless kinds get a Deployment; postgres, redis, kafka and elasticsearch a StatefulSet with claims and a headless Service', () => {
    for (const id of ['edge', 'web', 'worker', 'model', 'prom', 'dash', 'lts', 'ship', 'kib', 'dnsd']) expect(find(objs, 'Deployment', id), id).toBeDefined();
    const sizes: Record<string, [number, string]> = { pg: [2, '50Gi'], 'pg-dr': [1, '20Gi'], cache: [1, '1Gi'], bus: [3, '10Gi'], es: [2, '10Gi'] };
    for (const [id, [replicas, storage]] of Object.entries(sizes)) {
      const set = find(objs, 'StatefulSet', id)!;
      expect(set.spec!.replicas, id).toBe(replicas);
      expect(set.spec!.serviceName).toBe(`${id}-headless`);
      expect(set.spec!.volumeClaimTemplates[0].spec.resources.requests.storage, id).toBe(storage);
      expect(find(objs, 'Service', `${id}-headless`)!.spec!.clusterIP).toBe('None');
    }
    const pg = find(objs, 'StatefulSet', 'pg')!.spec!.template.spec.containers[0];
    expect(pg.env).toContainEqual({ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' });
  });

  it('a load balancer gets a LoadBalancer Service on its published port; others ClusterIP', () => {
    expect(find(objs, 'Service', 'edge')!.spec).toMatchObject({ type: 'LoadBalancer', ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }] });
    expect(find(objs, 'Service', 'web')!.spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 3000 }, { name: 'tcp-9229', port: 9229 }] });
    expect(find(objs, 'Service', 'dnsd')!.spec!.ports[0]).toMatchObject({ name: 'dns', port: 53, protocol: 'UDP' });
    expect(find(objs, 'Service', 'worker')).toBeUndefined();
  });

  it('autoscaled tiers get an autoscaling/v2 HPA with the bounds and CPU target, and no fixed replicas', () => {
    expect(find(objs, 'HorizontalPodAutoscaler', 'web')!.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 8,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    });
    expect(find(objs, 'Deployment', 'web')!.spec!.replicas).toBeUndefined();
    expect(find(objs, 'HorizontalPodAutoscaler', 'model')!.spec!.maxReplicas).toBe(4); // predictive: the CPU fallback
    expect(find(objs, 'HorizontalPodAutoscaler', 'edge')).toBeUndefined();
    expect(find(objs, 'Deployment', 'edge')!.spec!.replicas).toBe(2);
  });

  it('PodDisruptionBudgets exactly for nodes that usually run two pods or more', () => {
    const pdbs = objs.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => o.metadata.name).sort();
    expect(pdbs).toEqual(['bus', 'edge', 'es', 'pg', 'web']);
    expect(find(objs, 'PodDisruptionBudget', 'web')!.spec!.maxUnavailable).toBe(1);
  });

  it('env: plain values in a ConfigMap, credential-like names in a Secret with placeholders only', () => {
    expect(find(objs, 'ConfigMap', 'web-env')!.data).toEqual({ NODE_ENV: 'production' });
    expect(find(objs, 'Secret', 'web-secret')!.stringData).toEqual({ DB_PASSWORD: 'REPLACE-ME', API_TOKEN: 'REPLACE-ME' });
    const text = Object.values(exportKubernetes(everyKind()).files).join('\n');
    expect(text).not.toContain('hunter2');
    expect(find(objs, 'ConfigMap', 'es-env')!.data).toEqual({ 'discovery.type': 'single-node' });
  });

  it('probes from the health check, resources as requests and limits, command as args, the recommended labels', () => {
    const c = find(objs, 'Deployment', 'web')!.spec!.template.spec.containers[0];
    expect(c.readinessProbe).toEqual({ httpGet: { path: "/health?x='1'", port: 3000 }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 });
    expect(c.startupProbe.failureThreshold).toBe(5); // 15 s start period / 10 s + 3 retries
    expect(c.resources).toEqual({ requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } });
    expect(c.args).toEqual(['node', 'server.js']);
    expect(find(objs, 'StatefulSet', 'pg')!.spec!.template.spec.containers[0].livenessProbe.exec).toEqual({ command: ['pg_isready'] });
    expect(find(objs, 'Deployment', 'web')!.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'every-kind', 'io.devsim.node': 'web' });
  });

  it('zero trust: default deny, DNS, and per node exactly the links in each direction', () => {
    const deny = find(objs, 'NetworkPolicy', 'default-deny')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const pg = find(objs, 'NetworkPolicy', 'pg-allow')!.spec!;
    expect(pg.ingress.map((r: { from: Array<{ podSelector: { matchLabels: Record<string, string> } }> }) => r.from[0]!.podSelector.matchLabels['io.devsim.node'])).toEqual(['pg-dr', 'prom', 'web']);
    expect(pg.egress).toEqual([]);
    const web = find(objs, 'NetworkPolicy', 'web-allow')!.spec!;
    const egressTo = web.egress.map((r: { to: Array<{ podSelector: { matchLabels: Record<string, string> } }> }) => r.to[0]!.podSelector.matchLabels['io.devsim.node']);
    expect(egressTo).toEqual(['bus', 'cache', 'dnsd', 'pg', 'ship']);
    expect(web.egress.find((r: { to: Array<{ podSelector: { matchLabels: Record<string, string> } }> }) => r.to[0]!.podSelector.matchLabels['io.devsim.node'] === 'dnsd').ports).toEqual([{ protocol: 'UDP', port: 53 }]);
    // Prometheus scrapes web on the link's port only.
    expect(web.ingress.find((r: { from?: Array<{ podSelector: { matchLabels: Record<string, string> } }> }) => r.from?.[0]?.podSelector.matchLabels['io.devsim.node'] === 'prom').ports).toEqual([{ protocol: 'TCP', port: 3000 }]);
    // The consumer opens the connection to Kafka.
    expect(find(objs, 'NetworkPolicy', 'worker-allow')!.spec!.egress[0].to[0].podSelector.matchLabels['io.devsim.node']).toBe('bus');
    // The edge is reached from outside: anyone, on its port.
    expect(find(objs, 'NetworkPolicy', 'edge-allow')!.spec!.ingress).toContainEqual({ ports: [{ protocol: 'TCP', port: 80 }] });
  });

  it('no network policies unless access control is zero trust', () => {
    const files = exportKubernetes(everyKind('strict')).files;
    expect(Object.keys(files).filter((p) => p.includes('networkpolicy'))).toEqual([]);
    expect(Object.keys(exportKubernetes(template('production')).files).some((p) => p.includes('networkpolicy'))).toBe(false);
    expect(Object.keys(exportKubernetes(template('experimental')).files).filter((p) => p.includes('networkpolicy')).length).toBeGreaterThan(2);
  });

  it('development shrinks every workload to one pod; production keeps the document as designed', () => {
    const { files } = exportKubernetes(everyKind());
    const dev = parse(files['overlays/development/kustomization.yaml']!) as { replicas: Array<{ name: string; count: number }>; patches: Array<{ target: { name: string } }> };
    expect(dev.replicas.map((r) => r.name).sort()).toEqual(['bus', 'edge', 'es', 'pg']);
    expect(dev.patches.map((p) => p.target.name).sort()).toEqual(['model', 'web']);
    const prod = parse(files['overlays/production/kustomization.yaml']!) as Record<string, unknown>;
    expect(prod.replicas).toBeUndefined();
    expect(prod.namespace).toBe('every-kind-production');
  });

  it('long node ids still give names within 63 characters, and distinct ones', () => {
    const id = `a${'b'.repeat(61)}c`;
    const doc = documentOf({ metadata: { name: 'long' }, nodes: { [id]: { kind: 'postgres', image: 'postgres:14', ports: [{ port: 5432 }], env: { PGPASSWORD: 'x', PGUSER: 'u' } } } });
    const objs2 = baseObjects(exportKubernetes(doc).files);
    expect(apiServerProblems(objs2)).toEqual([]);
    const names = objs2.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(names).size).toBe(names.length);
  });
});

const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('exportKubernetes: kustomize builds every overlay', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of TEMPLATE_NAMES) {
    it.skipIf(!hasKubectl)(`kubectl kustomize builds the three overlays of ${name}, and what it builds validates${hasKubectl ? '' : ' (skipped: no kubectl on this machine)'}`, async () => {
      const { files } = exportKubernetes(template(name));
      const dir = mkdtempSync(join(tmpdir(), 'devsim-k8s-'));
      dirs.push(dir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      for (const env of ['production', 'development', 'experimental']) {
        const out = execFileSync('kubectl', ['kustomize', join(dir, 'overlays', env)], { encoding: 'utf8', timeout: 60_000 });
        const built = parseAllDocuments(out).map((d) => d.toJS() as Obj);
        const baseCount = Object.keys(files).filter((p) => p.startsWith('base/') && p !== 'base/kustomization.yaml').length;
        expect(built).toHaveLength(baseCount + 1); // + the Namespace
        for (const obj of built) {
          expect(await kubernetesErrors(obj), `${env} ${obj.kind}/${obj.metadata.name}`).toEqual([]);
          if (obj.kind !== 'Namespace') expect(obj.metadata).toMatchObject({ namespace: `${name}-${env}` });
          expect(obj.metadata.labels?.['io.devsim.environment']).toBe(env);
        }
        expect(apiServerProblems(built.filter((o) => o.kind !== 'Namespace'))).toEqual([]);
        if (env === 'development') {
          for (const w of built.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) expect(w.spec!.replicas ?? 1).toBeLessThanOrEqual(1);
          for (const h of built.filter((o) => o.kind === 'HorizontalPodAutoscaler')) expect(h.spec!.minReplicas).toBe(1);
        }
      }
    });
  }
});
