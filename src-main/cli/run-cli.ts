import { UsageError } from './command.js';
import { COMMANDS, EXIT, helpText, type CliIo } from './commands.js';

/** Runs the devsim command line; never throws, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.out(helpText());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') return runCli(['version'], io);
  if (first === 'help') {
    const name = rest[0];
    if (name === undefined) {
      io.out(helpText());
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) return unknown(name, io);
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) return unknown(first, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`devsim ${command.name}: ${err.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.err(`devsim ${command.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failed;
  }
}

function unknown(name: string, io: CliIo): number {
  const near = COMMANDS.filter((c) => c.name.startsWith(name.slice(0, 2))).map((c) => c.name);
  const hint = near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : '';
  io.err(`devsim: there is no command "${name}".${hint} See devsim --help.\n`);
  return EXIT.usage;
}
