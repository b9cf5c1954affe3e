import { type Locator, type Page } from '@playwright/test';
import { CanvasPage } from './canvas-page.js';
import { InspectorPage } from './inspector-page.js';

/** The Topology area while no editor exists: the open document, its toolbar, summary and findings. */
export class TopologyPage {
  readonly root: Locator;
  readonly empty: Locator;
  readonly title: Locator;
  readonly dirty: Locator;
  readonly path: Locator;
  readonly autosaved: Locator;
  readonly name: Locator;
  readonly nodeRows: Locator;
  readonly findings: Locator;
  readonly findingItems: Locator;
  readonly findingCounts: Locator;
  readonly noFindings: Locator;
  readonly unreadable: Locator;
  readonly source: Locator;
  readonly report: Locator;
  readonly unmapped: Locator;
  readonly open: Locator;
  readonly save: Locator;
  readonly saveAs: Locator;
  readonly importCompose: Locator;
  readonly exportMenu: Locator;
  readonly canvas: CanvasPage;
  readonly inspector: InspectorPage;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-topology');
    this.empty = page.getByTestId('topology-empty');
    this.title = page.getByTestId('document-title');
    this.dirty = page.getByTestId('dirty-marker');
    this.path = page.getByTestId('document-path');
    this.autosaved = page.getByTestId('autosaved');
    this.name = page.getByTestId('metadata-name');
    this.nodeRows = page.getByTestId('node-row');
    this.findings = page.getByTestId('findings');
    this.findingItems = this.findings.getByTestId('finding');
    this.findingCounts = page.getByTestId('findings-counts');
    this.noFindings = page.getByTestId('findings-none');
    this.unreadable = page.getByTestId('document-unreadable');
    this.source = page.getByTestId('source');
    this.report = page.getByTestId('report');
    this.unmapped = page.getByTestId('unmapped');
    this.open = page.getByTestId('toolbar-open');
    this.save = page.getByTestId('toolbar-save');
    this.saveAs = page.getByTestId('toolbar-save-as');
    this.importCompose = page.getByTestId('toolbar-import');
    this.exportMenu = page.getByTestId('export-menu');
    this.canvas = new CanvasPage(page);
    this.inspector = new InspectorPage(page);
  }

  nodeRow(id: string): Locator {
    return this.page.locator(`[data-testid="node-row"][data-node="${id}"]`);
  }

  sourceLine(line: number): Locator {
    return this.source.locator(`li[data-line="${line}"]`);
  }

  async exportAs(format: 'compose' | 'k8s' | 'prometheus'): Promise<void> {
    await this.exportMenu.click();
    await this.page.getByTestId(`export-menu-${format}`).click();
  }
}
