import { type Locator, type Page } from '@playwright/test';

/** The welcome screen: templates, open a file, recent documents. */
export class WelcomePage {
  readonly root: Locator;
  readonly templates: Locator;
  readonly openFileInput: Locator;
  readonly openFileNote: Locator;
  readonly recentItems: Locator;
  readonly recentEmpty: Locator;
  readonly recentClear: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-welcome');
    this.templates = page.locator('[data-testid^="template-"]');
    this.openFileInput = page.getByTestId('open-file-input');
    this.openFileNote = page.getByTestId('open-file-note');
    this.recentItems = page.getByTestId('recent-item');
    this.recentEmpty = page.getByTestId('recent-empty');
    this.recentClear = page.getByTestId('recent-clear');
  }

  removeButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${name} from recent documents` });
  }
}
