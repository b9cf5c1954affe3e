// Prints why each skipped test was skipped (the note given to skip()), as the e2e reporter does.
import type { Reporter, TestCase } from 'vitest/node';

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state !== 'skipped') return;
    if (result.note === undefined && test.options.mode !== 'run') return; // filtered out, not skipped for a reason
    this.skipped.push(`  skipped: ${test.fullName} (${result.note ?? 'no reason given'})`);
  }

  onTestRunEnd(): void {
    if (this.skipped.length > 0) console.log(`\n${this.skipped.join('\n')}`);
  }
}
