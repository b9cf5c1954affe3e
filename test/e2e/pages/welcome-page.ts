import { type Locator, type Page } from '@playwright/test';

/** The welcome screen: templates, open a file, recent documents. */
export class WelcomePage {
  readonly root: Locator;
  readonly templates: Locator;
  readonly openFileInput: Locator;
  readonly importInput: Locator;
  readonly recentMissing: Locator;
  readonly recentItems: Locator;
  readonly recentEmpty: Locator;
  readonly recentClear: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-welcome');
    this.templates = page.getByTestId('template-gallery').locator('.template-card');
    this.openFileInput = page.getByTestId('open-file-input');
    this.importInput = page.getByTestId('import-compose-input');
    this.recentMissing = page.getByTestId('recent-missing');
    this.recentItems = page.getByTestId('recent-item');
    this.recentEmpty = page.getByTestId('recent-empty');
    this.recentClear = page.getByTestId('recent-clear');
  }

  template(id: string): Locator {
    return this.page.getByTestId(`template-${id}`);
  }

  /** Opens a recent document by clicking its entry. */
  async openRecent(path: string): Promise<void> {
    await this.recentItems.filter({ hasText: path }).getByTestId('recent-open').click();
  }

  removeButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${name} from recent documents` });
  }
}
