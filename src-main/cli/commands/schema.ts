import { writeFileSync } from 'node:fs';
import { topologyJsonSchema } from '../../../src-preload/contract/topology/index.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, type Command } from '../command.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of topology documents (for editors such as VS Code)',
  usage: 'devsim schema [--out FILE]',
  run(args, io) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' } });
    const text = `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
    if (values.out === undefined) io.out(text);
    else {
      writeFileSync(values.out, text);
      io.err(`wrote ${values.out}\n`);
    }
    return EXIT.ok;
  },
};
