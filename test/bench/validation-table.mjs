#!/usr/bin/env node
// `npm run validation-table`: runs the validation suite's cases (test/unit/kernel/helpers/
// validation-cases.ts) and prints the Markdown table of theory vs simulation for the README.
// Takes a few minutes; not part of `npm test` (the suite itself asserts the same cases).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundled, root } from './kernel-load.mjs';

const { validationRows, markdownTable } = await loadBundled(join('test', 'unit', 'kernel', 'helpers', 'validation-table.ts'));
const { loadDocument } = await loadBundled(join('src-main', 'documents', 'load-document.ts'));

function template(name) {
  const { document, findings } = loadDocument(readFileSync(join(root, 'resources', 'templates', `${name}.devsim.yaml`), 'utf8'), name);
  if (document === undefined) throw new Error(`${name}: ${findings.map((f) => f.message).join('; ')}`);
  return document;
}

const t0 = performance.now();
const rows = validationRows(template, (model, events) => console.error(`${model}: ${events.toLocaleString('en')} events, ${((performance.now() - t0) / 1000).toFixed(0)} s so far`));
console.log(markdownTable(rows));
const failed = rows.filter((r) => !r.holds);
console.error(`${rows.length} rows, ${failed.length} outside their interval, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed.length > 0 ? 1 : 0);
