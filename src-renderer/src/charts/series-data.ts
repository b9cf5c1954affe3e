import type { EChartsType } from 'echarts/core';

export interface ShownSeries {
  id: string | undefined;
  name: string | undefined;
  /** The numbers the series reads from its dataset column (gaps left out). */
  values: number[];
}

/** What a chart instance holds, read back from it (for tests and people reading the DOM): each series and its dataset values. */
export function shownSeries(chart: EChartsType): ShownSeries[] {
  const option = chart.getOption() as {
    series?: { id?: string; name?: string; datasetIndex?: number; encode?: { y?: string | string[] } }[];
    dataset?: { source?: Record<string, unknown[]> }[];
  };
  return (option.series ?? []).map((s) => {
    const y = Array.isArray(s.encode?.y) ? s.encode.y[0] : s.encode?.y;
    const column = (y !== undefined ? option.dataset?.[s.datasetIndex ?? 0]?.source?.[y] : undefined) ?? [];
    return { id: s.id, name: s.name, values: column.filter((v): v is number => typeof v === 'number') };
  });
}
