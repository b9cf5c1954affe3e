import type { OpenedDocument, TemplateInfo } from '../../src-preload/contract/index.js';
import { loadDocument } from './load-document.js';

// Bundled into the build (Vite inlines them), so the app needs no resources path at run time.
const FILES = import.meta.glob<string>('../../resources/templates/*.devsim.yaml', { query: '?raw', import: 'default', eager: true });

/** The shipped templates by id (the file name without .devsim.yaml), seed environments first. */
export const TEMPLATES: ReadonlyMap<string, string> = new Map(
  Object.entries(FILES)
    .map(([file, text]) => [/([^/]+)\.devsim\.yaml$/.exec(file)![1]!, text] as const)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)),
);

function order(id: string): number {
  const seed = ['production', 'development', 'experimental'].indexOf(id);
  return seed < 0 ? 99 : seed;
}

let listed: TemplateInfo[] | undefined;

/** The gallery's entries; computed once, the templates never change while the app runs. */
export function listTemplates(): TemplateInfo[] {
  listed ??= describeTemplates();
  return listed;
}

function describeTemplates(): TemplateInfo[] {
  const out: TemplateInfo[] = [];
  for (const [id, text] of TEMPLATES) {
    const { document } = loadDocument(text, `${id}.devsim.yaml`);
    if (!document) continue; // the template tests make sure this never happens
    const kinds: Record<string, number> = {};
    for (const node of Object.values(document.nodes)) kinds[node.kind] = (kinds[node.kind] ?? 0) + 1;
    out.push({
      id,
      name: document.metadata.name,
      description: document.metadata.description ?? '',
      environment: document.metadata.environment,
      nodeCount: Object.keys(document.nodes).length,
      linkCount: document.links.length,
      kinds,
      document,
    });
  }
  return out;
}

/** A new, unsaved document from a template. */
export function openTemplate(id: string): OpenedDocument | undefined {
  const text = TEMPLATES.get(id);
  if (text === undefined) return undefined;
  const result = loadDocument(text, `${id}.devsim.yaml`);
  return { path: null, name: `${id}.devsim.yaml`, text, findings: result.findings, ...(result.document ? { document: result.document } : {}) };
}
