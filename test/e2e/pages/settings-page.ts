import { type Locator, type Page } from '@playwright/test';

export type Theme = 'system' | 'light' | 'dark';

/** The Settings screen: theme, autosave, Docker engine, welcome toggle, About. */
export class SettingsPage {
  readonly root: Locator;
  readonly autosave: Locator;
  readonly autosaveError: Locator;
  readonly dockerHost: Locator;
  readonly showWelcome: Locator;
  readonly aboutMode: Locator;
  readonly aboutDataDir: Locator;
  readonly aboutVersion: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-settings');
    this.autosave = page.getByTestId('setting-autosaveSeconds');
    this.autosaveError = page.getByTestId('autosaveSeconds-error');
    this.dockerHost = page.getByTestId('setting-dockerHost');
    this.showWelcome = page.getByTestId('setting-showWelcome');
    this.aboutMode = page.getByTestId('about-mode');
    this.aboutDataDir = page.getByTestId('about-data-dir');
    this.aboutVersion = page.getByTestId('about-version');
  }

  theme(theme: Theme): Locator {
    return this.page.getByTestId(`theme-${theme}`);
  }

  /** Types a value and presses Enter, which saves it. */
  async setAutosave(text: string): Promise<void> {
    await this.autosave.fill(text);
    await this.autosave.press('Enter');
  }
}
