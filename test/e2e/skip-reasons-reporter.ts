// Prints why each skipped test was skipped: the list reporter shows only that it was.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    this.skipped.push(`  skipped: ${test.titlePath().filter(Boolean).join(' › ')} (${reason})`);
  }

  onEnd(): void {
    if (this.skipped.length > 0) console.log(`\n${this.skipped.join('\n')}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
