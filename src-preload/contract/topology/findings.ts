import { z } from 'zod';

/** One thing the loader or validator found, placed so a person can go to it. */
export const findingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** A stable id of the rule, e.g. `link-missing-node`. */
  code: z.string(),
  /** The field path, e.g. `nodes.api.scaling.maxReplicas` or `links[3].to`. */
  path: z.string(),
  message: z.string(),
  /** 1-based line and column in the file, when the document came from text. */
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type Finding = z.infer<typeof findingSchema>;
export type Severity = Finding['severity'];

/** Writes a path as people read it: nodes.api.ports[0].hostPort. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/** zod's message for one issue, said the way a person editing the file needs it. */
export function describeIssuesPath(issue: z.core.$ZodIssue): string {
  const at = formatPath(issue.path);
  const field = at === '' ? 'The document' : at;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${field} has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'}: ${issue.keys.slice(0, 10).join(', ')}.`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? `${field} is required (${issue.expected}).` : `${field}: ${issue.message.replace(/^Invalid input: /, '')}.`;
    default:
      return `${field}: ${issue.message}.`;
  }
}
