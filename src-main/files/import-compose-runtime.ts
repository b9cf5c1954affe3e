import type { PathKey } from './finding.js';
import type { ImportContext } from './import-compose-context.js';
import { isRecord, parseDurationS, parseMemoryMiB, parseNumber, shellWords } from './import-compose-values.js';

// The runtime fields of a node (command, environment, health check, resources) from Compose.

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const MAX_ENV_VALUE = 65_536;

/** `command` as a list of words; a string is split as Compose splits it. */
export function importCommand(ctx: ImportContext, value: unknown, at: readonly PathKey[]): string[] | undefined {
  if (value === null) return undefined;
  let words: string[] | undefined;
  if (typeof value === 'string') {
    words = shellWords(value);
    if (!words) ctx.invalid(at, 'The command has an unclosed quote.');
  } else if (Array.isArray(value) && value.every((w) => ['string', 'number', 'boolean'].includes(typeof w))) {
    words = value.map(String);
  } else ctx.invalid(at, 'A command is a string or a list of strings.');
  if (!words) return undefined;
  if (words.length > 256 || words.some((w) => w.length > 4096)) {
    ctx.unmap(at, value, 'the command is longer than the document holds (256 words of 4096 characters).', 'warning');
    return undefined;
  }
  return words.length > 0 ? words : undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `environment` as a list of NAME=value or a mapping; values become strings. */
export function importEnvironment(ctx: ImportContext, value: unknown, at: readonly PathKey[], env: Record<string, string>): void {
  const put = (name: string, raw: unknown, path: readonly PathKey[]): void => {
    if (raw === null || raw === undefined) {
      ctx.unmap(path, name, `"${name}" has no value here; Compose takes it from the shell it runs in.`);
      return;
    }
    const text = scalarText(raw);
    if (text === undefined) {
      ctx.invalid(path, `The value of "${name}" must be a string, number or boolean.`);
      return;
    }
    if (!ENV_NAME.test(name) || name.length > 256 || text.length > MAX_ENV_VALUE) {
      ctx.unmap(path, { [name]: text }, 'a variable name must be letters, digits, _ . or - (not starting with a digit), values at most 64 KiB.', 'warning');
      return;
    }
    Object.defineProperty(env, name, { value: text, enumerable: true, writable: true, configurable: true });
  };
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string') {
        ctx.invalid([...at, i], 'A list entry of `environment` is a string NAME=value.');
        return;
      }
      const eq = item.indexOf('=');
      if (eq < 0) put(item, null, [...at, i]);
      else put(item.slice(0, eq), item.slice(eq + 1), [...at, i]);
    });
  } else if (isRecord(value)) {
    for (const [name, raw] of Object.entries(value)) put(name, raw, [...at, name]);
  } else if (value !== null) ctx.invalid(at, '`environment` must be a list of NAME=value or a mapping.');
}

export interface HealthCheckInput {
  command: string[];
  intervalS?: number;
  timeoutS?: number;
  retries?: number;
  startPeriodS?: number;
}

const DURATIONS = [
  ['interval', 'intervalS', 3600, false],
  ['timeout', 'timeoutS', 600, false],
  ['start_period', 'startPeriodS', 3600, true],
] as const;

/** `healthcheck` with test CMD / CMD-SHELL / a string; durations in seconds. */
export function importHealthCheck(ctx: ImportContext, value: unknown, at: readonly PathKey[]): HealthCheckInput | undefined {
  if (!isRecord(value)) {
    ctx.invalid(at, '`healthcheck` must be a mapping.');
    return undefined;
  }
  if (value.disable === true || (Array.isArray(value.test) && value.test[0] === 'NONE')) {
    ctx.unmap(at, value, "a disabled health check (the image's own check is switched off).");
    return undefined;
  }
  const command = healthCommand(ctx, value.test, [...at, 'test']);
  const check: HealthCheckInput = { command: command ?? [] };
  for (const [key, field, max, zeroOk] of DURATIONS) {
    const raw = value[key];
    if (raw === undefined || raw === null) continue;
    const seconds = typeof raw === 'string' ? parseDurationS(raw) : undefined;
    if (seconds === undefined) ctx.invalid([...at, key], `\`${key}\` must be a duration such as "30s" or "1m30s".`);
    else if ((seconds === 0 && !zeroOk) || seconds > max) ctx.unmap([...at, key], raw, `${key} of ${seconds}s is outside what the document holds (${zeroOk ? 0 : 'above 0'} to ${max}s); the default is used.`, 'warning');
    else check[field] = seconds;
  }
  if (value.retries !== undefined && value.retries !== null) {
    const retries = parseNumber(value.retries);
    if (retries === undefined || !Number.isInteger(retries) || retries < 0) ctx.invalid([...at, 'retries'], '`retries` must be a whole number.');
    else if (retries < 1 || retries > 100) ctx.unmap([...at, 'retries'], value.retries, 'retries outside 1–100; the default (3) is used.', 'warning');
    else check.retries = retries;
  }
  const known = new Set(['test', 'interval', 'timeout', 'start_period', 'retries', 'disable']);
  for (const [key, v] of Object.entries(value)) if (!known.has(key)) ctx.unmap([...at, key], v, `health check option "${key}".`);
  return command ? check : undefined;
}

function healthCommand(ctx: ImportContext, test: unknown, at: readonly PathKey[]): string[] | undefined {
  if (test === undefined) {
    ctx.unmap(at, test, "a health check without `test` (it keeps the image's own test with new timings).");
    return undefined;
  }
  let command: string[] | undefined;
  if (typeof test === 'string' && test.trim() !== '') command = ['/bin/sh', '-c', test];
  else if (Array.isArray(test) && test.length >= 2 && test.every((w) => typeof w === 'string')) {
    const [form, ...rest] = test as string[];
    if (form === 'CMD') command = rest;
    else if (form === 'CMD-SHELL') command = ['/bin/sh', '-c', rest.join(' ')];
  }
  if (!command) {
    ctx.invalid(at, '`test` must be a string or a list starting with "CMD", "CMD-SHELL" or "NONE".');
    return undefined;
  }
  if (command.length > 64 || command.some((w) => w.length > 4096)) {
    ctx.unmap(at, test, 'the health check command is longer than the document holds.', 'warning');
    return undefined;
  }
  return command;
}

export interface ResourcesInput {
  cpu?: number;
  memoryMiB?: number;
}

/** CPU cores and memory limits: deploy.resources.limits, or the older `cpus` / `mem_limit`. */
export function importCpu(ctx: ImportContext, value: unknown, at: readonly PathKey[], into: ResourcesInput): void {
  const cpu = parseNumber(value);
  if (cpu === undefined) ctx.invalid(at, 'CPUs must be a number such as 0.5 or "1.5".');
  else if (cpu <= 0 || cpu > 1024) ctx.unmap(at, value, 'a CPU limit outside 0–1024 cores.', 'warning');
  else into.cpu = cpu;
}

export function importMemory(ctx: ImportContext, value: unknown, at: readonly PathKey[], into: ResourcesInput): void {
  const mib = parseMemoryMiB(value);
  if (mib === undefined) ctx.invalid(at, 'Memory must be a size such as "512M", "1g" or a number of bytes.');
  else if (mib > 4_194_304) ctx.unmap(at, value, 'a memory limit above 4 TiB.', 'warning');
  else into.memoryMiB = mib;
}
