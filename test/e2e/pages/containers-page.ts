import { type Locator, type Page } from '@playwright/test';

/** The Containers area: engine status, containers, detail (logs/stats/inspect), images, bring-up. */
export class ContainersPage {
  readonly root: Locator;
  readonly engine: Locator;
  readonly engineVersion: Locator;
  readonly engineApi: Locator;
  readonly error: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly logLines: Locator;
  readonly logSearch: Locator;
  readonly statsCharts: Locator;
  readonly images: Locator;
  readonly bringUpPanel: Locator;
  readonly bringUpPlan: Locator;
  readonly bringUpStart: Locator;
  readonly bringUpProgress: Locator;
  readonly bringUpMessage: Locator;
  readonly bringUpContainers: Locator;
  readonly tearDown: Locator;
  readonly chaosEvents: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-containers');
    this.engine = page.getByTestId('engine-status');
    this.engineVersion = page.getByTestId('engine-version');
    this.engineApi = page.getByTestId('engine-api');
    this.error = page.getByTestId('containers-error');
    this.rows = page.getByTestId('container-row');
    this.detail = page.getByTestId('container-detail');
    this.logLines = page.getByTestId('log-line');
    this.logSearch = page.getByTestId('logs-search');
    this.statsCharts = page.getByTestId('stats-charts');
    this.images = page.getByTestId('image-row');
    this.bringUpPanel = page.getByTestId('bring-up-panel');
    this.bringUpPlan = page.getByTestId('bring-up-plan');
    this.bringUpStart = page.getByTestId('bring-up-start');
    this.bringUpProgress = page.getByTestId('bring-up-progress');
    this.bringUpMessage = page.getByTestId('bring-up-message');
    this.bringUpContainers = page.getByTestId('bring-up-container');
    this.tearDown = page.getByTestId('tear-down');
    this.chaosEvents = page.getByTestId('chaos-event');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="container-row"][data-name="${name}"]`);
  }

  state(name: string): Locator {
    return this.row(name).getByTestId('container-state');
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByTestId('container-select').click();
  }

  tab(name: 'logs' | 'stats' | 'inspect'): Locator {
    return this.page.getByTestId(`detail-tab-${name}`);
  }
}
