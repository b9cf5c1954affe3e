// Reading a stored run back whole: the contract hands out at most 100,000 frames or events per
// call, and a long run at a fine interval stores more (up to 200,000 frames, 500,000 events).
import type { DevsimApi, RunEventDto, SeriesFrameDto } from '../../../src-preload/contract/index.js';

/** Frames or events per call: well under the contract's limit, so no one message gets huge. */
export const RUN_PAGE = 50_000;

type Layout = Awaited<ReturnType<DevsimApi['getRunSeries']>>['layout'];

/** Every stored frame of a run, in time order, page after page (frame times are unique per run). */
export async function readAllFrames(api: Pick<DevsimApi, 'getRunSeries'>, id: string, page = RUN_PAGE): Promise<{ layout: Layout; frames: SeriesFrameDto[] }> {
  let got = await api.getRunSeries({ id, limit: page });
  const layout = got.layout;
  const frames = [...got.frames];
  while (got.truncated && frames.length > 0) {
    const last = frames.at(-1)!.tMs;
    got = await api.getRunSeries({ id, fromMs: last, limit: page });
    // fromMs is inclusive: the page starts with the frame already read.
    const fresh = got.frames.filter((f) => f.tMs > last);
    if (fresh.length === 0) break;
    frames.push(...fresh);
  }
  return { layout, frames };
}

/**
 * Every stored event of a run, page after page by time. Events come in time order and several
 * may share a millisecond: the next page starts at the last one's time and skips as many
 * events of that time as were read. `complete` is false only when more than a page of events
 * share one millisecond (nothing to page by): the rest are left out.
 */
export async function readAllEvents(api: Pick<DevsimApi, 'getRunEvents'>, id: string, page = RUN_PAGE): Promise<{ events: RunEventDto[]; complete: boolean }> {
  let got = await api.getRunEvents({ id, limit: page });
  const events = [...got.events];
  while (got.truncated) {
    const last = events.at(-1)!.tMs;
    let seen = 0;
    for (let i = events.length - 1; i >= 0 && events[i]!.tMs === last; i--) seen++;
    got = await api.getRunEvents({ id, fromMs: last, limit: page });
    const fresh = got.events.slice(seen);
    if (fresh.length === 0) return { events, complete: !got.truncated };
    events.push(...fresh);
  }
  return { events, complete: true };
}
