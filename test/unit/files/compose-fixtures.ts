import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compose fixtures (test/fixtures/compose), valid and invalid. */
export const COMPOSE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/compose');
export const INVALID_DIR = join(COMPOSE_DIR, 'invalid');

const list = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
export const VALID_FIXTURES = list(COMPOSE_DIR);
export const INVALID_FIXTURES = list(INVALID_DIR);

export const readFixture = (name: string, dir = COMPOSE_DIR): string => readFileSync(join(dir, name), 'utf8');
