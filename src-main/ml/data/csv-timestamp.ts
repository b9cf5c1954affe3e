// Timestamps of an imported CSV: ISO 8601 (date, or date and time with an optional zone;
// no zone means UTC) or epoch numbers. An epoch number below 10¹¹ is read as seconds (10¹¹ s
// is the year 5138), anything larger as milliseconds (10¹¹ ms is 1973). A file keeps one form.

export type TimestampForm = 'iso' | 'epoch-s' | 'epoch-ms';

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
export const EPOCH_SECONDS_BELOW = 1e11;

export interface ParsedTimestamp {
  ms: number;
  form: TimestampForm;
}

/** The time in ms, or a sentence saying what is wrong with the text. */
export function parseTimestamp(text: string): ParsedTimestamp | string {
  if (text === '') return 'the timestamp is empty';
  if (NUMBER.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n)) return `"${text}" is not a finite number`;
    return Math.abs(n) < EPOCH_SECONDS_BELOW ? { ms: n * 1000, form: 'epoch-s' } : { ms: n, form: 'epoch-ms' };
  }
  if (ISO.test(text)) {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes(':') ? text : `${text}Z`;
    const ms = Date.parse(zoned.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(ms)) return `"${text}" is not a real date and time`;
    return { ms, form: 'iso' };
  }
  return `"${text}" is neither an ISO 8601 time (2024-05-01T12:00:00Z) nor epoch seconds or milliseconds`;
}
