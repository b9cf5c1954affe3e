import type { Document, LineCounter } from 'yaml';
import { type Finding, type PathKey, type Unmapped, formatPath } from './finding.js';
import { locate } from './import-compose-locate.js';

/** Collects findings and unmapped parts, placing each at its line and column in the file. */
export class ImportContext {
  readonly findings: Finding[] = [];
  readonly unmapped: Unmapped[] = [];

  constructor(
    private readonly doc?: Document,
    private readonly lines?: LineCounter,
  ) {}

  report(severity: Finding['severity'], code: string, path: readonly PathKey[], message: string): void {
    const finding: Finding = { severity, code, path: formatPath(path), message };
    const at = this.doc && this.lines ? locate(this.doc, this.lines, path) : undefined;
    if (at) {
      finding.line = at.line;
      finding.column = at.column;
    }
    this.findings.push(finding);
  }

  /** A wrong type or shape: the file is not valid Compose at this place. */
  invalid(path: readonly PathKey[], message: string): void {
    this.report('error', 'compose-invalid', path, message);
  }

  /** Keeps a part the document cannot hold, and says so. */
  unmap(path: readonly PathKey[], value: unknown, reason: string, severity: 'info' | 'warning' = 'info'): void {
    this.unmapped.push({ path: formatPath(path), keys: [...path], value, reason });
    this.report(severity, 'compose-unmapped', path, `Not imported: ${reason}`);
  }
}
