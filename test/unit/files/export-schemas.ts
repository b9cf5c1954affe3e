import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { ROOT } from './export-fixtures.js';

const schemaFile = (...parts: string[]): unknown => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/schemas', ...parts), 'utf8'));

/**
 * The official Compose Specification schema (draft 2019-09). It still carries draft-04 `id`
 * members, which draft 2019-09 does not define (so they are plain annotations; every `$ref`
 * is a JSON pointer) but Ajv refuses by default: declare `id` an annotation. `expose` is
 * the spec's one custom format ("80", "8000-8010/udp").
 */
export function composeValidator(): ValidateFunction {
  // Not strict: Ajv's strict mode lints schema style (union types…), which is not validation.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  return ajv.compile(schemaFile('compose', 'compose-spec.json') as object);
}

/** Our schema of the Prometheus rules file format (draft-07). */
export function prometheusRulesValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  return ajv.compile(schemaFile('prometheus', 'rules.schema.json') as object);
}

export const errorsOf = (validate: ValidateFunction): string =>
  (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');

type Validating = { validate(): void };
type ModelClass = new (data: never) => Validating;

/**
 * The kubernetes-models class for each object the Kubernetes export writes: each checks
 * its data against the Kubernetes OpenAPI schema of that apiVersion and kind.
 */
async function kubernetesModels(): Promise<Record<string, ModelClass>> {
  const [apps, autoscaling, policy, networking, core] = await Promise.all([
    import('kubernetes-models/apps/v1'),
    import('kubernetes-models/autoscaling/v2'),
    import('kubernetes-models/policy/v1'),
    import('kubernetes-models/networking.k8s.io/v1'),
    import('kubernetes-models/v1'),
  ]);
  return {
    'apps/v1 Deployment': apps.Deployment,
    'apps/v1 StatefulSet': apps.StatefulSet,
    'autoscaling/v2 HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
    'policy/v1 PodDisruptionBudget': policy.PodDisruptionBudget,
    'networking.k8s.io/v1 NetworkPolicy': networking.NetworkPolicy,
    'v1 Service': core.Service,
    'v1 ConfigMap': core.ConfigMap,
    'v1 Secret': core.Secret,
    'v1 Namespace': core.Namespace,
  } as unknown as Record<string, ModelClass>;
}

let models: Promise<Record<string, ModelClass>> | undefined;

/** Problems with one Kubernetes object against its OpenAPI schema; [] when it is valid. */
export async function kubernetesErrors(object: { apiVersion?: unknown; kind?: unknown }): Promise<string[]> {
  const table = await (models ??= kubernetesModels());
  const Model = table[`${String(object.apiVersion)} ${String(object.kind)}`];
  if (!Model) return [`no schema for ${String(object.apiVersion)} ${String(object.kind)}`];
  try {
    new Model(object as never).validate();
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}
