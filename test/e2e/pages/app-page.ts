import { expect, type Locator, type Page } from '@playwright/test';
import type { AreaId } from './areas.js';
import { RunPage } from './run-page.js';
import { SettingsPage } from './settings-page.js';
import { TopologyPage } from './topology-page.js';
import { WelcomePage } from './welcome-page.js';

/** The shell: sidebar, current screen, status bar. */
export class AppPage {
  readonly ready: Locator;
  readonly shell: Locator;
  readonly sidebar: Locator;
  readonly status: Locator;
  readonly statusReason: Locator;
  readonly settings: SettingsPage;
  readonly welcome: WelcomePage;
  readonly topology: TopologyPage;
  readonly run: RunPage;
  readonly notice: Locator;
  readonly recovery: Locator;

  constructor(readonly page: Page) {
    this.ready = page.getByTestId('app-ready');
    this.shell = page.locator('.shell');
    this.sidebar = page.getByRole('navigation', { name: 'Areas' });
    this.status = page.getByTestId('connection-status');
    this.statusReason = page.getByTestId('connection-reason');
    this.settings = new SettingsPage(page);
    this.welcome = new WelcomePage(page);
    this.topology = new TopologyPage(page);
    this.run = new RunPage(page);
    this.notice = page.getByTestId('notice');
    this.recovery = page.getByTestId('recovery');
  }

  /** Opens the URL the host printed and waits until the shell is connected and loaded. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.ready).toBeVisible();
  }

  navItem(area: AreaId): Locator {
    return this.page.getByTestId(`nav-${area}`);
  }

  screen(area: AreaId): Locator {
    return this.page.getByTestId(`screen-${area}`);
  }

  async goTo(area: AreaId): Promise<void> {
    await this.navItem(area).click();
    await expect(this.screen(area)).toBeVisible();
  }

  /** What a new user does to watch the Production template live: opens it from the welcome screen and starts it in the Run area at `speed`, paced, until it is running. */
  async runProductionLive(url: string, durationS: number, speed: number): Promise<RunPage> {
    await this.open(url);
    await this.welcome.template('production').click();
    await expect(this.topology.title).toHaveText(/Production/);
    await this.goTo('run');
    await this.run.startWith(durationS, speed);
    await expect(this.run.state).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
    return this.run;
  }

  /** Which area the sidebar marks as current (aria-current="page"). */
  current(): Locator {
    return this.sidebar.locator('[aria-current="page"]');
  }

  htmlTheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }
}
