// Small parsers for Compose's value formats. Each returns undefined when the text does not fit.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Compose interpolates `${VAR}` from the shell before it reads a value. An import has no
 * shell, so `${VAR:-default}` and `${VAR-default}` take their default; a variable without
 * one cannot be resolved (undefined). `$$` is a literal dollar.
 */
export function withDefaults(text: string): string | undefined {
  let unresolved = false;
  const out = text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, _braced, op: string | undefined, fallback: string | undefined) => {
    if (match === '$$') return '$';
    if ((op === ':-' || op === '-') && fallback !== undefined) return fallback;
    unresolved = true;
    return match;
  });
  return unresolved ? undefined : out;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** A Go duration as Compose writes them ("1m30s", "500ms", "2h") in seconds. */
export function parseDurationS(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(trimmed)) return trimmed === '0' ? 0 : undefined;
  let total = 0;
  for (const [, amount, , unit] of trimmed.matchAll(/(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(amount) * DURATION_UNITS[unit!]!;
  return Number.isFinite(total) ? total : undefined;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };

/** Docker's byte sizes ("512M", "1g", "1.5gb", or a number of bytes) in whole MiB, rounded up. */
export function parseMemoryMiB(value: unknown): number | undefined {
  let bytes: number | undefined;
  if (typeof value === 'number') bytes = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]{0,2})\s*$/.exec(value);
    const unit = m ? BYTE_UNITS[m[2]!.toLowerCase()] : undefined;
    if (m && unit !== undefined) bytes = Number(m[1]) * unit;
  }
  if (bytes === undefined || !Number.isFinite(bytes) || bytes <= 0) return undefined;
  return Math.max(1, Math.ceil(bytes / 1024 ** 2));
}

/** A number written as a number or a numeric string ("0.5"); interpolation defaults applied. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = withDefaults(value)?.trim();
  if (!text || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Splits a command string into words the way Compose does (POSIX shell quoting, no
 * expansion): `sh -c "echo hi"` → [sh, -c, echo hi]. Undefined for an unclosed quote.
 */
export function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) word += text[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) words.push(word);
  return words;
}
