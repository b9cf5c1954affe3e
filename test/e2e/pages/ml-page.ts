import { type Locator, type Page } from '@playwright/test';

/** The ML lab: backend line, dataset form, train/cancel, loss chart, held-out figures. */
export class MlPage {
  readonly root: Locator;
  readonly backend: Locator;
  readonly fallbacks: Locator;
  readonly run: Locator;
  readonly series: Locator;
  readonly window: Locator;
  readonly horizon: Locator;
  readonly normalisation: Locator;
  readonly trainFraction: Locator;
  readonly validationFraction: Locator;
  readonly epochs: Locator;
  readonly units: Locator;
  readonly purpose: Locator;
  readonly patience: Locator;
  readonly data: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly train: Locator;
  readonly cancel: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly chart: Locator;
  readonly result: Locator;
  readonly figures: Locator;
  readonly modelRows: Locator;
  readonly testChart: Locator;
  readonly sourceRun: Locator;
  readonly sourceCsv: Locator;
  readonly csv: Locator;
  readonly csvLoaded: Locator;
  readonly csvError: Locator;
  readonly modelsError: Locator;
  readonly importInput: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-ml');
    this.backend = page.getByTestId('ml-backend');
    this.fallbacks = page.getByTestId('ml-backend-fallbacks');
    this.run = page.getByTestId('ml-run');
    this.series = page.getByTestId('ml-series');
    this.window = page.getByTestId('ml-window');
    this.horizon = page.getByTestId('ml-horizon');
    this.normalisation = page.getByTestId('ml-normalisation');
    this.trainFraction = page.getByTestId('ml-train-fraction');
    this.validationFraction = page.getByTestId('ml-validation-fraction');
    this.epochs = page.getByTestId('ml-epochs');
    this.units = page.getByTestId('ml-units');
    this.purpose = page.getByTestId('ml-purpose');
    this.patience = page.getByTestId('ml-patience');
    this.data = page.getByTestId('ml-data');
    this.save = page.getByTestId('ml-save');
    this.saved = page.getByTestId('ml-saved');
    this.train = page.getByTestId('ml-train');
    this.cancel = page.getByTestId('ml-cancel');
    this.status = page.getByTestId('ml-status');
    this.error = page.getByTestId('ml-error');
    this.chart = page.getByTestId('ml-loss-chart');
    this.result = page.getByTestId('ml-result');
    this.figures = page.getByTestId('ml-figure');
    this.modelRows = page.getByTestId('ml-model-row');
    this.testChart = page.getByTestId('ml-test-chart');
    this.sourceRun = page.getByTestId('ml-source-run');
    this.sourceCsv = page.getByTestId('ml-source-csv');
    this.csv = page.getByTestId('ml-csv');
    this.csvLoaded = page.getByTestId('ml-csv-loaded');
    this.csvError = page.getByTestId('ml-csv-error');
    this.modelsError = page.getByTestId('ml-models-error');
    this.importInput = page.getByTestId('ml-import');
  }

  /** A saved model's row in the list, by name and version. */
  modelRow(name: string, version: number): Locator {
    return this.page.locator(`[data-testid="ml-model-row"][data-name="${name}"][data-version="${version}"]`);
  }

  /** A held-out figure by its evaluation key (testMae, testF1, …); its exact value is in data-value. */
  figure(name: string): Locator {
    return this.figures.and(this.page.locator(`[data-name="${name}"]`));
  }

  /** The loss chart's lines as its echarts instance holds them: series id and the values drawn. */
  async lossLines(): Promise<{ id: string; values: number[] }[]> {
    return JSON.parse((await this.chart.getAttribute('data-lines')) ?? '[]') as { id: string; values: number[] }[];
  }

  /** Epochs finished in the current training, as the status line reports them. */
  async epochsDone(): Promise<number> {
    return Number(await this.status.getAttribute('data-epochs-done'));
  }
}
