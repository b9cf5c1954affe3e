import { expect, type Locator, type Page } from '@playwright/test';

/** The topology canvas: its nodes, group frames and edges, and the inspector of the selected node. */
export class CanvasPage {
  readonly root: Locator;
  readonly nodes: Locator;
  readonly frames: Locator;
  readonly edges: Locator;
  readonly minimap: Locator;
  readonly controls: Locator;
  readonly inspector: Locator;
  readonly inspectorId: Locator;
  readonly inspectorPosition: Locator;
  readonly nodeFindings: Locator;
  readonly palette: Locator;
  readonly refusal: Locator;
  readonly linkType: Locator;
  readonly toolbar: Locator;
  readonly alignMenu: Locator;
  readonly autoLayout: Locator;
  readonly shortcutsButton: Locator;
  readonly help: Locator;
  readonly helpRows: Locator;
  readonly helpClose: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('canvas');
    this.nodes = this.root.getByTestId('canvas-node');
    this.frames = this.root.getByTestId('canvas-frame');
    this.edges = this.root.locator('.react-flow__edge');
    this.minimap = this.root.locator('.react-flow__minimap');
    this.controls = this.root.locator('.react-flow__controls');
    this.inspector = page.getByTestId('inspector');
    this.inspectorId = page.getByTestId('inspector-id');
    this.inspectorPosition = page.getByTestId('inspector-position');
    this.nodeFindings = page.getByTestId('node-findings');
    this.palette = page.getByTestId('palette');
    this.refusal = page.getByTestId('canvas-refusal');
    this.linkType = page.getByTestId('link-type');
    this.toolbar = page.getByTestId('canvas-toolbar');
    this.alignMenu = page.getByTestId('align-menu');
    this.autoLayout = page.getByTestId('auto-layout');
    this.shortcutsButton = page.getByTestId('shortcuts-button');
    this.help = page.getByTestId('shortcut-help');
    this.helpRows = this.help.getByTestId('shortcut-row');
    this.helpClose = page.getByTestId('shortcut-help-close');
  }

  node(id: string): Locator {
    return this.root.locator(`[data-testid="canvas-node"][data-node="${id}"]`);
  }

  /** Drags a node by (dx, dy) screen pixels the way a mouse does: press, several moves, release. */
  async drag(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(id).boundingBox();
    expect(box).not.toBeNull();
    const x = box!.x + box!.width / 2;
    const y = box!.y + box!.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  frame(group: string): Locator {
    return this.root.locator(`[data-testid="canvas-frame"][data-group="${group}"]`);
  }

  /** The ids of the selected canvas nodes. */
  async selectedIds(): Promise<string[]> {
    return this.root.locator('.react-flow__node-device.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  }

  /** Holds Shift and drags a box from just above-left of the first node to just below-right of the last, like a mouse. */
  async boxSelect(ids: string[]): Promise<void> {
    const boxes = await Promise.all(ids.map(async (id) => (await this.node(id).boundingBox())!));
    const x0 = Math.min(...boxes.map((b) => b.x)) - 12;
    const y0 = Math.min(...boxes.map((b) => b.y)) - 12;
    const x1 = Math.max(...boxes.map((b) => b.x + b.width)) + 12;
    const y1 = Math.max(...boxes.map((b) => b.y + b.height)) + 12;
    await this.page.keyboard.down('Shift');
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    await this.page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 5 });
    await this.page.mouse.move(x1, y1, { steps: 5 });
    await this.page.mouse.up();
    await this.page.keyboard.up('Shift');
  }

  /** Drags a node so that its middle ends at a screen point. */
  async dragTo(id: string, x: number, y: number): Promise<void> {
    const box = (await this.node(id).boundingBox())!;
    await this.drag(id, x - (box.x + box.width / 2), y - (box.y + box.height / 2));
  }

  /** Picks an entry of the Align menu: left, center, right, top, middle, bottom. */
  async align(how: string): Promise<void> {
    await this.alignMenu.click();
    await this.page.getByTestId(`align-menu-${how}`).click();
  }

  paletteItem(kind: string): Locator {
    return this.palette.locator(`[data-kind="${kind}"]`);
  }

  /** Drags from one node's outgoing handle to another node's incoming handle, like a mouse. */
  async connect(from: string, to: string): Promise<void> {
    const a = await this.root.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`).boundingBox();
    const b = await this.root.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`).boundingBox();
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    await this.page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a!.x + b!.x) / 2, (a!.y + b!.y) / 2, { steps: 5 });
    await this.page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }
}
