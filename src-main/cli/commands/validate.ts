import { readFileSync } from 'node:fs';
import type { Finding } from '../../../src-preload/contract/topology/index.js';
import { loadDocument } from '../../documents/load-document.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';

interface FileReport {
  file: string;
  valid: boolean;
  findings: Finding[];
}

/** file:line:column: severity message [code] (path), the shape editors and CI logs link. */
export const formatFinding = (file: string, f: Finding): string =>
  `${file}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}: ${f.severity}: ${f.message} [${f.code}]${f.path ? ` (${f.path})` : ''}`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check topology documents; exit 1 when any has errors',
  usage: 'devsim validate FILE... [--json] [--strict]  (--strict: warnings count as errors)',
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, strict: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('name at least one file to validate');
    const reports: FileReport[] = positionals.map((file) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
        return { file, valid: false, findings: [{ severity: 'error', code: 'unreadable', path: '', message: `cannot read ${file}: ${reason}` }] };
      }
      const { findings } = loadDocument(bytes, file);
      const failing = findings.some((f) => f.severity === 'error' || (values.strict === true && f.severity === 'warning'));
      return { file, valid: !failing, findings };
    });
    if (values.json === true) io.out(`${JSON.stringify(reports, null, 2)}\n`);
    else {
      for (const r of reports) {
        for (const f of r.findings) io.out(`${formatFinding(r.file, f)}\n`);
        const counts = (s: Finding['severity']): number => r.findings.filter((f) => f.severity === s).length;
        io.out(`${r.file}: ${r.valid ? 'valid' : 'invalid'} (${counts('error')} errors, ${counts('warning')} warnings)\n`);
      }
    }
    return reports.every((r) => r.valid) ? EXIT.ok : EXIT.failed;
  },
};
