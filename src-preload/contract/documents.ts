import { z } from 'zod';
import { findingSchema, topologySchema } from './topology/index.js';
import { documentPathSchema } from './paths.js';

/** Text of a document as it crosses the contract; the loader applies the same limit. */
export const documentTextSchema = z.string().max(8 * 1024 * 1024);
const fileNameSchema = z.string().min(1).max(255);

export const templateInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  environment: z.string(),
  nodeCount: z.number().int().nonnegative(),
  linkCount: z.number().int().nonnegative(),
  /** Node kinds with how many of each, for the gallery's preview. */
  kinds: z.record(z.string(), z.number().int().positive()),
  /** The template itself, for the gallery's miniature of its diagram. */
  document: topologySchema,
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;

/** A document as the renderer receives it: the parsed form when it fits the schema, always the text. */
export const openedDocumentSchema = z.object({
  /** Where it lives on disk; null for a new or uploaded document not yet saved. */
  path: documentPathSchema.nullable(),
  name: fileNameSchema,
  text: documentTextSchema,
  document: topologySchema.optional(),
  findings: z.array(findingSchema),
  migratedFrom: z.string().optional(),
});
export type OpenedDocument = z.infer<typeof openedDocumentSchema>;

export const savedDocumentSchema = z.object({ path: documentPathSchema, name: fileNameSchema, text: documentTextSchema });
export type SavedDocument = z.infer<typeof savedDocumentSchema>;

export const autosaveSchema = z.object({
  /** The document's path, or `untitled:<id>` for one never saved. */
  key: z.string().min(1).max(4200),
  path: documentPathSchema.nullable(),
  name: fileNameSchema,
  text: documentTextSchema,
  savedAt: z.string(),
});
export type Autosave = z.infer<typeof autosaveSchema>;

export const EXPORT_FORMATS = ['compose', 'k8s', 'prometheus'] as const;
const exportFormatSchema = z.enum(EXPORT_FORMATS);

export const exportNoteSchema = z.object({
  severity: z.enum(['info', 'warning']),
  code: z.string(),
  path: z.string(),
  message: z.string(),
});

export const exportResultSchema = z.object({
  /** Relative path → text; one file for compose and Prometheus, a Kustomize tree for Kubernetes. */
  files: z.record(z.string(), z.string()),
  notes: z.array(exportNoteSchema),
  folder: z.boolean(),
});
export type ExportResultDto = z.infer<typeof exportResultSchema>;

export const composeImportSchema = z.object({
  /** The imported document, when the file is valid Compose. */
  opened: openedDocumentSchema.optional(),
  findings: z.array(findingSchema),
  /** Compose settings the document has no place for, reported rather than dropped. */
  unmapped: z.array(z.object({ path: z.string(), reason: z.string() })),
});

export const documentMethods = {
  listTemplates: { args: z.undefined(), result: z.array(templateInfoSchema) },
  newFromTemplate: { args: z.object({ templateId: z.string().min(1).max(100) }).strict(), result: openedDocumentSchema },
  openDocument: { args: z.object({ path: documentPathSchema }).strict(), result: openedDocumentSchema },
  /** A file the person picked in the browser (browser mode has no paths). */
  openDocumentText: { args: z.object({ name: fileNameSchema, text: documentTextSchema }).strict(), result: openedDocumentSchema },
  validateDocument: { args: z.object({ text: documentTextSchema }).strict(), result: z.array(findingSchema) },
  saveDocument: { args: z.object({ path: documentPathSchema, document: topologySchema }).strict(), result: savedDocumentSchema },
  /** The YAML a document saves as, for a browser download. */
  serializeDocument: { args: z.object({ document: topologySchema }).strict(), result: documentTextSchema },
  autosaveDocument: { args: autosaveSchema.omit({ savedAt: true }).strict(), result: z.object({ savedAt: z.string() }) },
  listAutosaves: { args: z.undefined(), result: z.array(autosaveSchema) },
  exportDocument: { args: z.object({ document: topologySchema, format: exportFormatSchema }).strict(), result: exportResultSchema },
  /** Writes an export to disk (desktop): a file for compose and Prometheus, a folder for Kubernetes. */
  saveExport: {
    args: z.object({ document: topologySchema, format: exportFormatSchema, path: documentPathSchema }).strict(),
    result: z.object({ written: z.array(z.string()) }),
  },
  /** Writes a picture of the diagram (desktop): PNG bytes as base64, or SVG text. */
  saveImage: {
    args: z.object({ path: documentPathSchema, format: z.enum(['png', 'svg']), data: z.string().min(1).max(100_000_000) }).strict(),
    result: z.object({ written: z.array(z.string()) }),
  },
  importCompose: { args: z.object({ name: fileNameSchema, text: documentTextSchema }).strict(), result: composeImportSchema },
  /** The desktop app's native Open dialog; browser mode answers UNAVAILABLE (use a file upload). */
  pickOpenPath: { args: z.undefined(), result: z.object({ path: documentPathSchema.nullable() }) },
  /** The desktop app's native Save dialog; browser mode answers UNAVAILABLE (use a download). */
  pickSavePath: { args: z.object({ suggestedName: fileNameSchema }).strict(), result: z.object({ path: documentPathSchema.nullable() }) },
  discardAutosave: { args: z.object({ key: autosaveSchema.shape.key }).strict(), result: z.array(autosaveSchema) },
} as const;
