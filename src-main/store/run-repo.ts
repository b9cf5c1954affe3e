// Runs in SQLite: one row per run (document snapshot, seed, parameters, state, summary), its
// series frames as Float64Array BLOBs and its event log. Records arrive in batches, each
// written in one transaction, so a cancelled or failed run keeps what was recorded before.
import type { RunEventDto, RunInfo, RunStateName, SeriesFrameDto } from '../../src-preload/contract/index.js';
import type { Db } from './database.js';

/**
 * Stored per run at most; beyond these the run goes on but further frames or events are not
 * stored, only counted (RunInfo.dropped). 200k frames is 23 days at a 10 s interval; the
 * bytes cap keeps a wide topology (many nodes × metrics per frame) within reach of a laptop.
 */
export const MAX_STORED_FRAMES = 200_000;
export const MAX_STORED_FRAME_BYTES = 512 * 1024 * 1024;
export const MAX_STORED_EVENTS = 500_000;

export interface RunStorageLimits {
  frames: number;
  frameBytes: number;
  events: number;
}

export interface StoredFrame {
  tMs: number;
  values: Float64Array;
}

export interface NewRun {
  id: string;
  name: string;
  createdAt: string;
  document: unknown;
  seed: number;
  parameters: RunInfo['parameters'];
  state: RunStateName;
  endMs: number;
  layout: RunInfo['layout'];
}

export type RunPatch = Partial<Pick<RunInfo, 'state' | 'simulatedMs' | 'events' | 'summary' | 'error' | 'stopReason'>>;

interface RunRow {
  id: string;
  name: string;
  created_at: string;
  seed: number;
  parameters: string;
  state: string;
  simulated_ms: number;
  end_ms: number;
  events: number;
  summary: string | null;
  error: string | null;
  stop_reason: string | null;
  series_layout: string;
  frames_dropped: number;
  events_dropped: number;
}

interface Counts {
  frames: number;
  frameBytes: number;
  events: number;
  nextSeq: number;
}

const RUN_COLUMNS = 'id, name, created_at, seed, parameters, state, simulated_ms, end_ms, events, summary, error, stop_reason, series_layout, frames_dropped, events_dropped';

export class RunRepo {
  private readonly counts = new Map<string, Counts>();
  private readonly insertRun;
  private readonly insertFrame;
  private readonly insertEvent;
  private readonly addDropped;
  private readonly selectOne;
  private readonly selectAll;
  private readonly remover;

  constructor(
    private readonly db: Db,
    private readonly limits: RunStorageLimits = { frames: MAX_STORED_FRAMES, frameBytes: MAX_STORED_FRAME_BYTES, events: MAX_STORED_EVENTS },
  ) {
    this.insertRun = db.prepare(
      `INSERT INTO runs (id, name, created_at, document, seed, parameters, state, end_ms, series_layout)
       VALUES (@id, @name, @createdAt, @document, @seed, @parameters, @state, @endMs, @layout)`,
    );
    this.insertFrame = db.prepare<[string, number, Buffer]>('INSERT OR REPLACE INTO run_frames (run_id, t_ms, vals) VALUES (?, ?, ?)');
    this.insertEvent = db.prepare<[string, number, number, string, string | null, string, string, string | null]>(
      'INSERT INTO run_events (run_id, seq, t_ms, type, target, severity, message, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.addDropped = db.prepare<[number, number, string]>('UPDATE runs SET frames_dropped = frames_dropped + ?, events_dropped = events_dropped + ? WHERE id = ?');
    this.selectOne = db.prepare<[string], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`);
    this.selectAll = db.prepare<[], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, rowid DESC`);
    this.remover = db.prepare<[string]>('DELETE FROM runs WHERE id = ?');
  }

  create(run: NewRun): RunInfo {
    this.insertRun.run({
      ...run,
      document: JSON.stringify(run.document),
      parameters: JSON.stringify(run.parameters),
      layout: JSON.stringify(run.layout),
    });
    this.counts.set(run.id, { frames: 0, frameBytes: 0, events: 0, nextSeq: 0 });
    return this.get(run.id)!;
  }

  update(id: string, patch: RunPatch): void {
    const columns: Record<keyof RunPatch, string> = {
      state: 'state',
      simulatedMs: 'simulated_ms',
      events: 'events',
      summary: 'summary',
      error: 'error',
      stopReason: 'stop_reason',
    };
    const keys = (Object.keys(patch) as (keyof RunPatch)[]).filter((k) => patch[k] !== undefined);
    if (keys.length === 0) return;
    const values = keys.map((k) => (k === 'summary' && patch.summary !== null ? JSON.stringify(patch.summary) : patch[k]));
    this.db.prepare(`UPDATE runs SET ${keys.map((k) => `${columns[k]} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
  }

  /** Stores a batch in one transaction, within the limits; what is over them is counted. */
  append(id: string, frames: readonly StoredFrame[], events: readonly RunEventDto[], progress: RunPatch = {}): void {
    const counts = this.countsOf(id);
    this.db.transaction(() => {
      this.update(id, progress);
      let framesDropped = 0;
      let eventsDropped = 0;
      for (const f of frames) {
        if (counts.frames >= this.limits.frames || counts.frameBytes + f.values.byteLength > this.limits.frameBytes) {
          framesDropped++;
          continue;
        }
        this.insertFrame.run(id, f.tMs, Buffer.from(f.values.buffer, f.values.byteOffset, f.values.byteLength));
        counts.frames++;
        counts.frameBytes += f.values.byteLength;
      }
      for (const e of events) {
        if (counts.events >= this.limits.events) {
          eventsDropped++;
          continue;
        }
        this.insertEvent.run(id, counts.nextSeq++, e.tMs, e.type, e.target ?? null, e.severity, e.message, e.data === undefined ? null : JSON.stringify(e.data));
        counts.events++;
      }
      if (framesDropped + eventsDropped > 0) this.addDropped.run(framesDropped, eventsDropped, id);
    })();
  }

  /** The series layout, known once the run's kernel is built. */
  setLayout(id: string, layout: { intervalMs: number; nodes: readonly string[]; metrics: readonly string[] }): void {
    this.db.prepare<[string, string]>('UPDATE runs SET series_layout = ? WHERE id = ?').run(JSON.stringify({ ...layout, nodes: [...layout.nodes], metrics: [...layout.metrics] }), id);
  }

  get(id: string): RunInfo | undefined {
    const row = this.selectOne.get(id);
    return row && toInfo(row);
  }

  list(): RunInfo[] {
    return this.selectAll.all().map(toInfo);
  }

  /** Frames in [fromMs, toMs], values of the nodes asked for (all by default), at most limit. */
  series(id: string, query: { fromMs?: number | undefined; toMs?: number | undefined; nodes?: readonly string[] | undefined; limit: number }) {
    const info = this.get(id);
    if (!info) return undefined;
    const { layout } = info;
    const nodes = query.nodes ?? layout.nodes;
    const nodeIndex = nodes.map((n) => layout.nodes.indexOf(n));
    const metrics = layout.metrics.length;
    const rows = this.db
      .prepare<[string, number, number, number], { t_ms: number; vals: Buffer }>(
        'SELECT t_ms, vals FROM run_frames WHERE run_id = ? AND t_ms >= ? AND t_ms <= ? ORDER BY t_ms LIMIT ?',
      )
      .all(id, query.fromMs ?? 0, query.toMs ?? Number.MAX_VALUE, query.limit + 1);
    const truncated = rows.length > query.limit;
    const frames: SeriesFrameDto[] = rows.slice(0, query.limit).map((r) => {
      const all = new Float64Array(r.vals.buffer.slice(r.vals.byteOffset, r.vals.byteOffset + r.vals.byteLength));
      const values: (number | null)[] = [];
      for (const n of nodeIndex) for (let m = 0; m < metrics; m++) values.push(n < 0 ? null : finite(all[n * metrics + m]));
      return { tMs: r.t_ms, values };
    });
    return { layout: { ...layout, nodes: [...nodes] }, frames, truncated };
  }

  events(id: string, query: { fromMs?: number | undefined; toMs?: number | undefined; limit: number }) {
    if (!this.selectOne.get(id)) return undefined;
    const rows = this.db
      .prepare<[string, number, number, number], { t_ms: number; type: string; target: string | null; severity: string; message: string; data: string | null }>(
        'SELECT t_ms, type, target, severity, message, data FROM run_events WHERE run_id = ? AND t_ms >= ? AND t_ms <= ? ORDER BY seq LIMIT ?',
      )
      .all(id, query.fromMs ?? 0, query.toMs ?? Number.MAX_VALUE, query.limit + 1);
    const events: RunEventDto[] = rows.slice(0, query.limit).map((r) => ({
      tMs: r.t_ms,
      type: r.type,
      ...(r.target === null ? {} : { target: r.target }),
      severity: r.severity as RunEventDto['severity'],
      message: r.message,
      ...(r.data === null ? {} : { data: JSON.parse(r.data) as RunEventDto['data'] }),
    }));
    return { events, truncated: rows.length > query.limit };
  }

  /** The document as the run used it. */
  document(id: string): unknown {
    const text = this.db.prepare<[string], string>('SELECT document FROM runs WHERE id = ?').pluck().get(id);
    return text === undefined ? undefined : JSON.parse(text);
  }

  delete(id: string): boolean {
    this.counts.delete(id);
    return this.remover.run(id).changes > 0;
  }

  /** Runs a previous process left unfinished (it quit or crashed) are marked failed. */
  failUnfinished(message: string): number {
    return this.db.prepare<[string]>("UPDATE runs SET state = 'failed', error = ? WHERE state IN ('queued', 'running', 'paused')").run(message).changes;
  }

  private countsOf(id: string): Counts {
    let counts = this.counts.get(id);
    if (!counts) {
      const row = this.db
        .prepare<[string, string, string], { frames: number; bytes: number; events: number; seq: number }>(
          `SELECT (SELECT count(*) FROM run_frames WHERE run_id = ?) AS frames,
                  (SELECT coalesce(sum(length(vals)), 0) FROM run_frames WHERE run_id = ?) AS bytes,
                  count(*) AS events, coalesce(max(seq) + 1, 0) AS seq FROM run_events WHERE run_id = ?`,
        )
        .get(id, id, id)!;
      counts = { frames: row.frames, frameBytes: row.bytes, events: row.events, nextSeq: row.seq };
      this.counts.set(id, counts);
    }
    return counts;
  }
}

const finite = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

function toInfo(row: RunRow): RunInfo {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    state: row.state as RunStateName,
    seed: row.seed,
    parameters: JSON.parse(row.parameters) as RunInfo['parameters'],
    simulatedMs: row.simulated_ms,
    endMs: row.end_ms,
    events: row.events,
    layout: JSON.parse(row.series_layout) as RunInfo['layout'],
    summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
    error: row.error,
    stopReason: row.stop_reason,
    dropped: { frames: row.frames_dropped, events: row.events_dropped },
  };
}
