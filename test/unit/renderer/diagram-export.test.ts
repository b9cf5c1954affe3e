import { describe, expect, it, vi } from 'vitest';
import { diagramFileName, imageData } from '../../../src-renderer/src/stores/diagram-slice.js';
import { documentStore } from './fake-documents.js';

const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
const SVG_URL = `data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"><text>api</text></svg>')}`;

describe('diagram export', () => {
  it('names the picture after the document and takes the data the contract wants from the data URL', () => {
    expect(diagramFileName('shop.devsim.yaml', 'png')).toBe('shop.png');
    expect(diagramFileName('.yaml', 'svg')).toBe('topology.svg');
    expect(imageData(PNG_URL, 'png')).toBe('iVBORw0KGgoAAAANSUhEUg==');
    expect(imageData(SVG_URL, 'svg')).toBe('<svg xmlns="http://www.w3.org/2000/svg"><text>api</text></svg>');
    expect(() => imageData(SVG_URL, 'png')).toThrow(/not PNG/);
  });

  it('browser mode: renders and hands the picture to the page as a download', async () => {
    const { s } = documentStore('browser');
    await s().openText('shop.devsim.yaml', 'text');
    const picture = { render: vi.fn(async () => PNG_URL), download: vi.fn() };
    await s().exportDiagram('png', picture);
    expect(picture.download).toHaveBeenCalledWith('shop.png', PNG_URL);
    expect(s().docBusy).toBeNull();
  });

  it('desktop: asks where, then saves through the contract; a cancelled dialog saves nothing; a failure is said', async () => {
    const { s, host } = documentStore('desktop');
    const saveImage = vi.fn(async ({ path }: { path: string }) => ({ written: [path] }));
    Object.assign(host.api, { saveImage });
    await s().openText('shop.devsim.yaml', 'text');
    const picture = { render: vi.fn(async () => SVG_URL), download: vi.fn() };
    await s().exportDiagram('svg', picture);
    expect(host.api.pickSavePath).toHaveBeenCalledWith({ suggestedName: 'shop.svg' });
    expect(saveImage).not.toHaveBeenCalled();

    host.api.pickSavePath.mockResolvedValueOnce({ path: '/pics/shop.svg' });
    await s().exportDiagram('svg', picture);
    expect(saveImage).toHaveBeenCalledWith({ path: '/pics/shop.svg', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><text>api</text></svg>' });
    expect(s().notice).toBe('The diagram was saved to /pics/shop.svg.');
    expect(picture.download).not.toHaveBeenCalled();

    host.api.pickSavePath.mockResolvedValueOnce({ path: '/pics/shop.png' });
    await s().exportDiagram('png', { render: async () => Promise.reject(new Error('no canvas')), download: vi.fn() });
    expect(s().notice).toBe('Could not export the diagram as PNG: no canvas');
  });
});
