import { type Locator, type Page } from '@playwright/test';

/** The Run area: controls, progress, live chart, event timeline, summary. */
export class RunPage {
  readonly root: Locator;
  readonly noDocument: Locator;
  readonly duration: Locator;
  readonly seed: Locator;
  readonly speed: Locator;
  readonly start: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly step: Locator;
  readonly stop: Locator;
  readonly blocked: Locator;
  readonly error: Locator;
  readonly progress: Locator;
  readonly time: Locator;
  readonly rate: Locator;
  readonly state: Locator;
  readonly node: Locator;
  readonly chart: Locator;
  readonly chartCanvas: Locator;
  readonly events: Locator;
  readonly eventRows: Locator;
  readonly summary: Locator;
  readonly summaryNodes: Locator;
  readonly summarySources: Locator;
  readonly failed: Locator;
  readonly list: Locator;
  readonly listRows: Locator;
  readonly faultType: Locator;
  readonly faultTarget: Locator;
  readonly faultDelay: Locator;
  readonly faultInject: Locator;
  readonly exportJson: Locator;
  readonly exportCsv: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-run');
    this.noDocument = page.getByTestId('run-no-document');
    this.duration = page.getByTestId('run-duration');
    this.seed = page.getByTestId('run-seed');
    this.speed = page.getByTestId('run-speed');
    this.start = page.getByTestId('run-start');
    this.pause = page.getByTestId('run-pause');
    this.resume = page.getByTestId('run-resume');
    this.step = page.getByTestId('run-step');
    this.stop = page.getByTestId('run-stop');
    this.blocked = page.getByTestId('run-blocked');
    this.error = page.getByTestId('run-error');
    this.progress = page.getByTestId('run-progress');
    this.time = page.getByTestId('run-time');
    this.rate = page.getByTestId('run-rate');
    this.state = page.getByTestId('run-state');
    this.node = page.getByTestId('run-node');
    this.chart = page.getByTestId('run-chart');
    this.chartCanvas = this.chart.locator('canvas');
    this.events = page.getByTestId('run-events');
    this.eventRows = page.getByTestId('run-event');
    this.summary = page.getByTestId('run-summary');
    this.summaryNodes = page.getByTestId('summary-node');
    this.summarySources = page.getByTestId('summary-source');
    this.failed = page.getByTestId('run-failed');
    this.list = page.getByTestId('run-list');
    this.listRows = page.getByTestId('run-list-row');
    this.faultType = page.getByTestId('fault-type');
    this.faultTarget = page.getByTestId('fault-target');
    this.faultDelay = page.getByTestId('fault-delay');
    this.faultInject = page.getByTestId('fault-inject');
    this.exportJson = page.getByTestId('run-export-json');
    this.exportCsv = page.getByTestId('run-export-csv');
  }

  /** Sets duration (seconds) and speed ('max' or a number as the select offers), then starts. */
  async startWith(durationS: number, speed: 'max' | number = 'max'): Promise<void> {
    await this.duration.fill(String(durationS));
    await this.speed.selectOption(String(speed));
    await this.start.click();
  }
}
