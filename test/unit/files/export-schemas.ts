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
