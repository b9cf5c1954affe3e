import { APP_VERSION } from '../../app/app-info.js';
import { EXIT, type Command } from '../command.js';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version',
  usage: 'devsim version',
  run: (_args, io) => {
    io.out(`${APP_VERSION}\n`);
    return EXIT.ok;
  },
};
