import { readFileSync } from 'node:fs';
import { topologySchema } from '../../../src-preload/contract/topology/index.js';
import { serializeDocument } from '../../documents/serialize.js';
import { writeFileAtomic } from '../../app/write-file-atomic.js';
import { importCompose } from '../../files/import-compose.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { formatFinding } from './validate.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a docker-compose file as a topology document',
  usage: 'devsim import compose FILE [--out FILE]  (stdout without --out; nothing is written when the file has errors)',
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } });
    const [from, file, ...rest] = positionals;
    if (from !== 'compose') throw new UsageError(from === undefined ? 'say what to import: compose' : `cannot import "${from}": only compose`);
    if (file === undefined || rest.length > 0) throw new UsageError('name exactly one compose file');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      io.err(`${file}: cannot read it: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
      return EXIT.failed;
    }
    const result = importCompose(text, file);
    for (const f of result.findings) io.err(`${formatFinding(file, f)}\n`);
    if (!result.document) {
      io.err(`${file}: not imported; nothing was written.\n`);
      return EXIT.failed;
    }
    const yaml = serializeDocument(topologySchema.parse(result.document));
    if (values.out === undefined) io.out(yaml);
    else {
      writeFileAtomic(values.out, yaml);
      io.err(`wrote ${values.out}${result.unmapped.length > 0 ? ` (${result.unmapped.length} compose settings had no field of their own; kept in its \`imported\` section and listed above)` : ''}\n`);
    }
    return EXIT.ok;
  },
};
