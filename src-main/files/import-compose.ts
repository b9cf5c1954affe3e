import { LineCounter, isCollection, isPair, parseDocument, visit } from 'yaml';
import { type TopologyInput, API_VERSION, DOCUMENT_KIND, MAX_NODES, topologySchema } from '../../src-preload/contract/topology/index.js';
import { type Finding, type PathKey, type Unmapped, hasErrors } from './finding.js';
import { ImportContext } from './import-compose-context.js';
import { keepUnmapped } from './import-compose-keep.js';
import { applyExtends } from './import-compose-extends.js';
import { assignIds } from './import-compose-ids.js';
import { KNOWN_TOP_KEYS } from './import-compose-keys.js';
import { type LinkInput, buildLinks, readDependencies, traefikLinks } from './import-compose-links.js';
import { DEFAULT_SERVICE_TIME, importService } from './import-compose-service.js';
import { isRecord } from './import-compose-values.js';

export interface ComposeImport {
  /** Present when the file is valid Compose; it passes the topology schema. */
  document?: TopologyInput;
  findings: Finding[];
  /** What the document cannot hold, with its path and original value. */
  unmapped: Unmapped[];
}

/** Compose files are small; a larger one is refused before it is parsed. */
export const MAX_COMPOSE_BYTES = 5 * 1024 * 1024;
/** Aliases a file may expand; far more than real files use, far fewer than a "billion laughs". */
export const MAX_ALIAS_COUNT = 1000;
/** The schema's limit on links (links: max 100 000). */
const MAX_LINKS = 100_000;

/**
 * Reads a docker-compose file into a topology document. Never throws: anything wrong with
 * the input is a finding, placed at its field path, line and column.
 */
export function importCompose(text: string, fileName: string): ComposeImport {
  try {
    return importUnsafe(text, fileName);
  } catch (err) {
    // A bug, not the input's fault; still a finding rather than a crash of the caller.
    const message = err instanceof Error ? err.message : String(err);
    return { findings: [{ severity: 'error', code: 'compose-internal', path: '', message: `The importer failed: ${message}` }], unmapped: [] };
  }
}

function importUnsafe(text: string, fileName: string): ComposeImport {
  const fail = (code: string, message: string, at?: { line: number; column: number }): ComposeImport => ({
    findings: [{ severity: 'error', code, path: '', message, ...(at ?? {}) }],
    unmapped: [],
  });
  if (typeof text !== 'string') return fail('compose-not-text', 'The file is not text.');
  if (text.length > MAX_COMPOSE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_COMPOSE_BYTES) {
    return fail('compose-too-large', `The file is larger than ${MAX_COMPOSE_BYTES / 1024 / 1024} MB; Compose files are far smaller.`);
  }
  const lines = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: lines, merge: true, uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
  const ctx = new ImportContext(yaml, lines);
  for (const e of yaml.errors) {
    const at = e.linePos?.[0];
    ctx.findings.push({ severity: 'error', code: 'compose-yaml', path: '', message: `Not valid YAML: ${yamlMessage(e.message)}`, ...(at ? { line: at.line, column: at.col } : {}) });
  }
  if (yaml.errors.length > 0) return { findings: ctx.findings, unmapped: [] };
  for (const w of yaml.warnings) {
    const at = w.linePos?.[0];
    ctx.findings.push({ severity: 'warning', code: 'compose-yaml', path: '', message: yamlMessage(w.message), ...(at ? { line: at.line, column: at.col } : {}) });
  }
  // A mapping or list used as a key cannot be a Compose field name; toJS would stringify it.
  visit(yaml, {
    Pair(_, pair) {
      if (isPair(pair) && isCollection(pair.key)) {
        const at = pair.key.range ? lines.linePos(pair.key.range[0]) : undefined;
        ctx.findings.push({ severity: 'error', code: 'compose-invalid', path: '', message: 'A key must be plain text, not a mapping or a list.', ...(at ? { line: at.line, column: at.col } : {}) });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  let root: unknown;
  try {
    root = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail('compose-aliases', `The file's anchors and aliases expand too far (${message}); refused as a possible alias bomb.`);
  }
  if (!isRecord(root)) {
    ctx.invalid([], 'A Compose file is a mapping with a `services` section.');
    return { findings: ctx.findings, unmapped: [] };
  }
  const document = importRoot(ctx, root, fileName);
  if (document && !hasErrors(ctx.findings)) {
    const checked = topologySchema.safeParse(document);
    if (checked.success) return { document, findings: ctx.findings, unmapped: ctx.unmapped };
    for (const issue of checked.error.issues.slice(0, 20)) {
      ctx.findings.push({ severity: 'error', code: 'compose-schema', path: issue.path.map(String).join('.'), message: `The imported document does not fit the schema: ${issue.message}` });
    }
  }
  return { findings: ctx.findings, unmapped: ctx.unmapped };
}

/** The yaml package's message without the position and excerpt it appends (we give line and column). */
const yamlMessage = (message: string): string => message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').split('\n')[0]!;

function documentName(root: Record<string, unknown>, fileName: string): string {
  if (typeof root.name === 'string' && root.name.trim() !== '') return root.name.trim().slice(0, 200);
  // docker-compose.yml says nothing; the folder it sits in usually names the project.
  const parts = String(fileName).split(/[\\/]/).filter((p) => p !== '');
  const stem = (parts.pop() ?? '').replace(/\.(ya?ml|json)$/i, '').trim();
  const generic = /^(docker-)?compose([.-].*)?$/i.test(stem) && parts.length > 0;
  const name = generic ? parts[parts.length - 1]! : stem;
  return (name.trim() || 'Imported compose file').slice(0, 200);
}

function importRoot(ctx: ImportContext, root: Record<string, unknown>, fileName: string): TopologyInput | undefined {
  for (const [key, value] of Object.entries(root)) {
    if (key === 'services' || key === 'name') continue;
    if (key === 'version') ctx.unmap([key], value, 'the Compose file format version (obsolete in the Compose Specification).');
    else if (key.startsWith('x-')) ctx.unmap([key], value, 'an extension field (x-…); where it was merged into services, those fields are read.');
    else if (KNOWN_TOP_KEYS.has(key)) ctx.unmap([key], value, `the top-level "${key}" section (the document has no ${key}).`);
    else ctx.unmap([key], value, `"${key}" is not a Compose top-level field.`, 'warning');
  }
  if (root.services === undefined || root.services === null) {
    ctx.report('error', 'compose-no-services', [], 'Not a Compose file: there is no `services` section.');
    return undefined;
  }
  if (!isRecord(root.services)) {
    ctx.report('error', 'compose-services-not-map', ['services'], '`services` must map service names to their settings.');
    return undefined;
  }
  if (Object.keys(root.services).length > MAX_NODES) {
    ctx.report('error', 'compose-too-many-services', ['services'], `The file has ${Object.keys(root.services).length} services; a document holds at most ${MAX_NODES} nodes.`);
    return undefined;
  }
  const effective = applyExtends(ctx, root.services);
  const services = [...effective.entries()];
  if (services.length === 0) ctx.report('warning', 'compose-no-services', ['services'], 'The file has no services.');
  const ids = assignIds(services.map(([name]) => name));
  const nodes: Record<string, unknown> = {};
  const graph = new Map<string, { id: string; kind: ReturnType<typeof importService>['kind']; image: string | undefined; deps: ReturnType<typeof readDependencies> }>();
  let simulated = false;
  for (const [name, service] of services) {
    const at: PathKey[] = ['services', name];
    if (!isRecord(service)) {
      ctx.report('error', 'compose-service-not-map', at, `Service "${name}" must be a mapping of its settings.`);
      continue;
    }
    const id = ids.get(name)!;
    const { kind, node } = importService(ctx, name, service);
    if (id !== name) {
      node.label = name.slice(0, 200);
      ctx.report('info', 'compose-id-renamed', at, `Service "${name}" becomes node "${id}" (ids are lower-case letters, digits and hyphens).`);
    }
    if ('serviceTime' in node && node.serviceTime === DEFAULT_SERVICE_TIME) simulated = true;
    Object.defineProperty(nodes, id, { value: node, enumerable: true, writable: true, configurable: true });
    graph.set(name, { id, kind, image: typeof service.image === 'string' ? service.image : undefined, deps: readDependencies(ctx, name, service) });
  }
  const links: LinkInput[] = buildLinks(ctx, graph);
  const linked = new Set(links.map((l) => `${l.from} ${l.to}`));
  for (const link of traefikLinks(graph, effective)) {
    if (!linked.has(`${link.from} ${link.to}`)) links.push(link);
  }
  if (links.length > MAX_LINKS) {
    ctx.report('error', 'compose-too-many-links', ['services'], `The services depend on each other ${links.length} times; a document holds at most ${MAX_LINKS} links.`);
    return undefined;
  }
  if (simulated) {
    ctx.report('info', 'compose-simulation-defaults', ['services'], 'Compose says nothing about service times; app services start with an exponential 20 ms service time and one request at a time per replica. Adjust them before simulating.');
  }
  const sourceName = String(fileName).split(/[\\/]/).pop() ?? '';
  const document: TopologyInput = {
    apiVersion: API_VERSION,
    kind: DOCUMENT_KIND,
    metadata: { name: documentName(root, fileName), description: `Imported from ${sourceName}`.slice(0, 20_000) },
    nodes: nodes as TopologyInput['nodes'],
    links,
  };
  const kept = keepUnmapped(ctx.unmapped, ids, sourceName);
  if (kept) document.imported = kept;
  return document;
}
