// The devsim command: its entry, built to out/main/cli.js and started by bin/devsim.mjs.
import { runCli } from './run-cli.js';

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  errTTY: process.stderr.isTTY === true,
};

process.exitCode = await runCli(process.argv.slice(2), io);
