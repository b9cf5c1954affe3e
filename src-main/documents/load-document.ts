import { LineCounter, parseDocument } from 'yaml';
import {
  describeIssuesPath,
  migrateDocument,
  topologySchema,
  validateTopologyRaw,
  type Finding,
  type RawFinding,
  type Topology,
} from '../../src-preload/contract/topology/index.js';
import { placeFinding } from './locate.js';

/** Larger files are refused before parsing: real topologies are a few hundred kB. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
/** YAML aliases expanded at most this many times (a "billion laughs" file is refused). */
export const MAX_ALIAS_COUNT = 200;

export interface LoadResult {
  /** Present when the document fits the schema (it may still have semantic findings). */
  document?: Topology;
  findings: Finding[];
  /** The apiVersion the file was written in, when it was migrated on load. */
  migratedFrom?: string;
}

/**
 * Reads a topology document from untrusted text (YAML or JSON). Never throws: every
 * problem becomes a finding with the field path and, where it has one, line and column.
 */
export function loadDocument(input: string | Uint8Array, fileName = 'document'): LoadResult {
  try {
    return load(input, fileName);
  } catch (err) {
    // A bug in the loader must not take the app down; say so plainly.
    return { findings: [{ severity: 'error', code: 'internal', path: '', message: `${fileName}: the loader failed unexpectedly (${err instanceof Error ? err.message : String(err)}); this is a bug.` }] };
  }
}

function load(input: string | Uint8Array, fileName: string): LoadResult {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_DOCUMENT_BYTES) {
    return fail('too-large', `${fileName} is ${(size / 1048576).toFixed(1)} MB; documents are limited to ${MAX_DOCUMENT_BYTES / 1048576} MB.`);
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return fail('not-text', `${fileName} is not UTF-8 text; a topology document is YAML or JSON.`);
  }
  if (text.trim() === '') return fail('empty', `${fileName} is empty.`);

  const lines = new LineCounter();
  const yaml = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const syntax: Finding[] = [...yaml.errors, ...yaml.warnings].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const finding: Finding = {
      severity: yaml.errors.includes(e as never) ? 'error' : 'warning',
      code: `yaml-${e.code.toLowerCase().replace(/_/g, '-')}`,
      path: '',
      message: firstLine(e.message),
    };
    finding.line = pos.line;
    finding.column = pos.col;
    return finding;
  });
  if (yaml.errors.length > 0) return { findings: syntax };

  let raw: unknown;
  try {
    raw = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return fail('yaml-aliases', `${fileName}: ${err instanceof Error ? err.message : String(err)}; YAML aliases are expanded at most ${MAX_ALIAS_COUNT} times.`);
  }

  // An alias inside the node it names makes the value contain itself: nothing can save it.
  const loop = selfReference(raw);
  if (loop !== null) {
    return { findings: [...syntax, placeFinding({ severity: 'error', code: 'yaml-alias-cycle', path: loop, message: 'This YAML alias refers to a node that contains it, so the value would contain itself.' }, yaml, lines)] };
  }

  const migrated = migrateDocument(raw);
  if (!migrated.ok) return { findings: [...syntax, placeFinding({ severity: 'error', code: migrated.code, path: migrated.path, message: migrated.message }, yaml, lines)] };
  const base: Pick<LoadResult, 'migratedFrom'> = migrated.migratedFrom ? { migratedFrom: migrated.migratedFrom } : {};
  // After a migration the paths no longer match the text's shape; lines are then best effort.
  const place = (f: RawFinding): Finding => placeFinding(f, migrated.migratedFrom ? undefined : yaml, lines);

  const parsed = topologySchema.safeParse(migrated.value);
  if (!parsed.success) {
    const findings = parsed.error.issues.slice(0, 200).map((issue) =>
      place({ severity: 'error', code: `schema-${issue.code.replace(/_/g, '-')}`, path: issue.path.filter(isSegment), message: describeIssuesPath(issue) }),
    );
    return { ...base, findings: [...syntax, ...findings] };
  }
  const document = parsed.data as Topology;
  return { ...base, document, findings: [...syntax, ...validateTopologyRaw(document).map(place)] };
}

/** The path of the first value that contains itself (a YAML alias to an ancestor), or null. */
function selfReference(root: unknown): (string | number)[] | null {
  const path: (string | number)[] = [];
  const ancestors = new Set<object>();
  const walk = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null) return false;
    if (ancestors.has(v)) return true;
    ancestors.add(v);
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, child] of entries) {
      path.push(k);
      if (walk(child)) return true;
      path.pop();
    }
    ancestors.delete(v);
    return false;
  };
  return walk(root) ? path : null;
}

const isSegment = (k: PropertyKey): k is string | number => typeof k !== 'symbol';
const firstLine = (s: string): string => s.split('\n')[0] ?? s;
const fail = (code: string, message: string): LoadResult => ({ findings: [{ severity: 'error', code, path: '', message }] });

