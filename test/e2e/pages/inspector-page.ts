import { expect, type Locator, type Page } from '@playwright/test';

/** The inspector: the form of the selected node, link or group; fields are found by the document path they edit. */
export class InspectorPage {
  readonly root: Locator;
  readonly id: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('inspector');
    this.id = page.getByTestId('inspector-id');
  }

  /** A field (or section) by its path, e.g. `nodes.api.scaling.maxReplicas`. */
  field(path: string): Locator {
    return this.root.locator(`[data-field-path="${path}"]`);
  }

  input(path: string): Locator {
    return this.field(path).locator('input, select, textarea').first();
  }

  error(path: string): Locator {
    return this.field(path).getByTestId('field-error');
  }

  findings(path: string): Locator {
    return this.field(path).getByTestId('field-finding');
  }

  reset(path: string): Locator {
    return this.field(path).getByTestId('field-reset').first();
  }

  /** Opens a collapsed section (a no-op when it is open). */
  async openSection(path: string): Promise<void> {
    const section = this.root.locator(`details[data-field-path="${path}"]`);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').first().click();
    await expect(section).toHaveAttribute('open', '');
  }

  /** Clicks a link on the canvas with the mouse, at the middle of its drawn path. */
  async clickLink(index: number): Promise<void> {
    const path = this.page.locator(`.react-flow__edge[data-id="link-${index}"] path.react-flow__edge-path`);
    const point = await path.evaluate((el) => {
      const p = el as SVGPathElement;
      const mid = p.getPointAtLength(p.getTotalLength() / 2);
      const m = p.getScreenCTM()!;
      return { x: mid.x * m.a + mid.y * m.c + m.e, y: mid.x * m.b + mid.y * m.d + m.f };
    });
    await this.page.mouse.click(point.x, point.y);
  }

  /** Types a value the way a person does and commits it with Enter. */
  async type(path: string, text: string): Promise<void> {
    const input = this.input(path);
    await input.fill(text);
    await input.press('Enter');
  }
}
