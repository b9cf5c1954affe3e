import { EXPORT_FORMATS, exportDocument, type ExportFormat } from '../../files/export.js';
import { writeExport } from '../../files/write-export.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { readDocumentForCommand } from '../read-document.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a topology to docker-compose, Kubernetes (Kustomize) or Prometheus alert rules',
  usage: 'devsim export FILE --to compose|k8s|prometheus [--out PATH]  (k8s needs --out FOLDER; otherwise stdout without --out)',
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { to: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('name exactly one document to export');
    const format = values.to as ExportFormat | undefined;
    if (format === undefined || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--to must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (format === 'k8s' && values.out === undefined) throw new UsageError('a Kubernetes export is a folder: give --out FOLDER');
    const doc = readDocumentForCommand(positionals[0]!, io);
    if (!doc) return EXIT.failed;
    const result = exportDocument(doc, format);
    for (const n of result.notes) io.err(`${n.severity}: ${n.message} [${n.code}]${n.path ? ` (${n.path})` : ''}\n`);
    if (values.out === undefined) io.out(Object.values(result.files)[0]!);
    else {
      const written = writeExport(result, values.out);
      io.err(`wrote ${written.length === 1 ? written[0] : `${written.length} files under ${values.out}`}\n`);
    }
    return EXIT.ok;
  },
};
