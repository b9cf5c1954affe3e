import { type Locator, type Page } from '@playwright/test';

/** The Run area: controls, progress, live chart, event timeline, summary. */
export class RunPage {
  readonly root: Locator;
  readonly noDocument: Locator;
  readonly duration: Locator;
  readonly seed: Locator;
  readonly speed: Locator;
  readonly resolution: Locator;
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
  readonly faultDuration: Locator;
  readonly faultInject: Locator;
  readonly exportJson: Locator;
  readonly exportCsv: Locator;
  readonly exportPng: Locator;
  readonly picker: Locator;
  readonly canvas: Locator;
  readonly canvasNodes: Locator;
  readonly alerts: Locator;
  readonly alertRows: Locator;
  readonly compare: Locator;
  readonly compareRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-run');
    this.noDocument = page.getByTestId('run-no-document');
    this.duration = page.getByTestId('run-duration');
    this.seed = page.getByTestId('run-seed');
    this.speed = page.getByTestId('run-speed');
    this.resolution = page.getByTestId('run-resolution');
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
    this.faultDuration = page.getByTestId('fault-duration');
    this.faultInject = page.getByTestId('fault-inject');
    this.exportJson = page.getByTestId('run-export-json');
    this.exportCsv = page.getByTestId('run-export-csv');
    this.exportPng = page.getByTestId('run-export-png');
    this.picker = page.getByTestId('run-node-picker');
    this.canvas = page.getByTestId('run-canvas');
    this.canvasNodes = page.getByTestId('run-canvas-node');
    this.alerts = page.getByTestId('run-alerts');
    this.alertRows = page.getByTestId('run-alert');
    this.compare = page.getByTestId('run-compare');
    this.compareRows = page.getByTestId('run-compare-row');
  }

  /** Injects a fault from the Run area's form: its type and target, its own fields (by test id) and how long it lasts. */
  async injectFault(type: string, target: string, fields: Record<string, string> = {}, durationS?: number): Promise<void> {
    await this.faultType.selectOption(type);
    await this.faultTarget.selectOption(target);
    for (const [testId, value] of Object.entries(fields)) await this.page.getByTestId(testId).fill(value);
    if (durationS !== undefined) await this.faultDuration.fill(String(durationS));
    await this.faultInject.click();
  }

  /** The node picker's toggle for a node (END_TO_END: '(end to end)'). */
  pick(node: string): Locator {
    return this.picker.locator(`[data-testid="run-node-pick"][data-node="${node}"]`);
  }

  /** A node on the run canvas. */
  canvasNode(node: string): Locator {
    return this.canvas.locator(`[data-testid="run-canvas-node"][data-node="${node}"]`);
  }

  /** The lines the chart instance holds: series id, legend name, points with a value. */
  async chartLines(): Promise<{ id: string; name: string; points: number }[]> {
    return JSON.parse((await this.chart.getAttribute('data-lines')) ?? '[]') as { id: string; name: string; points: number }[];
  }

  /** Pixels of the chart's canvas in a colour near `rgb` (a line's colour; axes and labels are grey): 0 when no such line is drawn. */
  async chartPixelsNear(rgb: [number, number, number], tolerance = 40): Promise<number> {
    return this.chartCanvas.first().evaluate(
      (el, [r, g, b, tol]) => {
        const canvas = el as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && Math.abs(data[i]! - r!) <= tol! && Math.abs(data[i + 1]! - g!) <= tol! && Math.abs(data[i + 2]! - b!) <= tol!) n++;
        return n;
      },
      [...rgb, tolerance],
    );
  }

  /** Sets duration (seconds) and speed ('max' or a number as the select offers), then starts. */
  async startWith(durationS: number, speed: 'max' | number = 'max'): Promise<void> {
    await this.duration.fill(String(durationS));
    await this.speed.selectOption(String(speed));
    await this.start.click();
  }
}
