// The canvas on screen, for the document toolbar's export menu (a sibling of the canvas, not a child).
import type { DiagramFormat, DiagramPicture } from '../../../stores/diagram-slice.js';

type Render = (format: DiagramFormat) => Promise<string>;

let current: Render | null = null;

/** Called by the canvas when it is ready; returns the unregister for when it goes. */
export function registerDiagram(render: Render): () => void {
  current = render;
  return () => {
    if (current === render) current = null;
  };
}

/** The diagram on screen as the store's export takes it: rendered by the canvas, downloaded by the page. */
export const openDiagram: DiagramPicture = {
  render: (format) => (current ? current(format) : Promise.reject(new Error('open the topology canvas first: the picture is taken of the diagram on screen'))),
  download: (name, url) => {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
  },
};
