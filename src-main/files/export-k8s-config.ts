import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { TopologyNode } from '../../src-preload/contract/topology/index.js';
import { looksSecret, note, type Notes } from './export-common.js';
import { childName, nodeLabels, type K8sContext } from './export-k8s-meta.js';

/** What a Secret holds until someone puts the real value in. */
export const SECRET_PLACEHOLDER = 'REPLACE-ME';

export interface EnvParts {
  env: IEnvVar[];
  configMap?: IConfigMap;
  secret?: ISecret;
}

/**
 * A node's environment: plain values in a ConfigMap, names that look like credentials in
 * a Secret with placeholder values (the document's own value never leaves it), and each
 * variable referenced by name so names with dots (`discovery.type`) work too.
 */
export function environment(id: string, node: TopologyNode, ctx: K8sContext, notes: Notes): EnvParts {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  const env: IEnvVar[] = [];
  const configName = childName(id, 'env');
  const secretName = childName(id, 'secret');
  for (const [name, value] of Object.entries(node.env)) {
    if (looksSecret(name)) {
      secret[name] = SECRET_PLACEHOLDER;
      env.push({ name, valueFrom: { secretKeyRef: { name: secretName, key: name } } });
    } else {
      plain[name] = value;
      env.push({ name, valueFrom: { configMapKeyRef: { name: configName, key: name } } });
    }
  }
  const parts: EnvParts = { env };
  const metadata = (name: string) => ({ name, labels: nodeLabels(id, node, ctx) });
  if (Object.keys(plain).length > 0) parts.configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(configName), data: plain };
  if (Object.keys(secret).length > 0) {
    parts.secret = { apiVersion: 'v1', kind: 'Secret', metadata: metadata(secretName), type: 'Opaque', stringData: secret };
    note(notes, 'warning', 'k8s-secret-placeholder', `nodes.${id}.env`, `Secret ${secretName} holds placeholders for ${Object.keys(secret).join(', ')}; set the real values (or use a secret manager) before applying.`);
  }
  return parts;
}
