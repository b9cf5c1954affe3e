import { init, type EChartsType } from 'echarts/core';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * An echarts instance (canvas renderer) on the returned host div for the component's life,
 * resized with the div. `onInit` wires handlers once; what it returns runs before disposal.
 */
export function useEchart(onInit?: (chart: EChartsType) => void | (() => void)): { host: RefObject<HTMLDivElement | null>; chart: RefObject<EChartsType | null> } {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const wire = useRef(onInit);
  wire.current = onInit;
  useEffect(() => {
    const el = host.current!;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    const unwire = wire.current?.(c);
    return () => {
      unwire?.();
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  return { host, chart };
}
