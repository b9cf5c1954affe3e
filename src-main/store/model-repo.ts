// Trained models in SQLite, versioned by name: saving a name again makes its next version.
import { randomUUID } from 'node:crypto';
import type { ModelArtefact, ModelList, ModelPurpose, ModelSummary, StoredModel } from '../../src-preload/contract/index.js';
import type { Db } from './database.js';
import { ModelRowError } from './model-row-error.js';
import { decodeModel, decodeSummary, encodeArtefact, type ModelRow, type ModelRowWithWeights } from './model-row.js';

const SUMMARY_COLUMNS = 'id, name, version, created_at, artefact, weight_bytes';

export class ModelRepo {
  private readonly nextVersion;
  private readonly insert;
  private readonly selectSummary;
  private readonly selectAll;
  private readonly selectByPurpose;
  private readonly selectOne;
  private readonly selectLatest;
  private readonly remover;

  constructor(private readonly db: Db) {
    this.nextVersion = db.prepare<[string], number>('SELECT coalesce(max(version), 0) + 1 FROM models WHERE name = ?').pluck();
    this.insert = db.prepare(
      `INSERT INTO models (id, name, version, purpose, architecture, created_at, artefact, weights, weight_bytes)
       VALUES (@id, @name, @version, @purpose, @architecture, @createdAt, @artefact, @weights, @weightBytes)`,
    );
    const newestFirst = 'ORDER BY created_at DESC, version DESC, rowid DESC';
    this.selectSummary = db.prepare<[string], ModelRow>(`SELECT ${SUMMARY_COLUMNS} FROM models WHERE id = ?`);
    this.selectAll = db.prepare<[], ModelRow>(`SELECT ${SUMMARY_COLUMNS} FROM models ${newestFirst}`);
    this.selectByPurpose = db.prepare<[string], ModelRow>(`SELECT ${SUMMARY_COLUMNS} FROM models WHERE purpose = ? ${newestFirst}`);
    this.selectOne = db.prepare<[string], ModelRowWithWeights>(`SELECT ${SUMMARY_COLUMNS}, weights FROM models WHERE id = ?`);
    this.selectLatest = db.prepare<[string], ModelRowWithWeights>(
      `SELECT ${SUMMARY_COLUMNS}, weights FROM models WHERE name = ? ORDER BY version DESC LIMIT 1`,
    );
    this.remover = db.prepare<[string]>('DELETE FROM models WHERE id = ?');
  }

  /** Stores the artefact as the next version of its name (version 1 for a new name). */
  save(artefact: ModelArtefact, createdAt = new Date().toISOString()): ModelSummary {
    const { json, weights } = encodeArtefact(artefact);
    const id = `model-${randomUUID()}`;
    // Immediate: the version is read under the write lock, so two writers never pick the same one.
    this.db
      .transaction(() => {
        this.insert.run({
          id,
          name: artefact.name,
          version: this.nextVersion.get(artefact.name)!,
          purpose: artefact.purpose,
          architecture: artefact.architecture,
          createdAt,
          artefact: json,
          weights,
          weightBytes: weights?.byteLength ?? 0,
        });
      })
      .immediate();
    return decodeSummary(this.selectSummary.get(id)!, this.file);
  }

  /** Summaries without weights, newest first; a row that cannot be read is listed as damaged. */
  list(purpose?: ModelPurpose): ModelList {
    const rows = purpose === undefined ? this.selectAll.all() : this.selectByPurpose.all(purpose);
    const list: ModelList = { models: [], damaged: [] };
    for (const row of rows) {
      try {
        list.models.push(decodeSummary(row, this.file));
      } catch (err) {
        if (!(err instanceof ModelRowError)) throw err;
        list.damaged.push({ id: row.id, name: row.name, version: row.version, field: err.field, message: err.message });
      }
    }
    return list;
  }

  /** The model with its weights; undefined when there is none; ModelRowError when its row is damaged. */
  get(id: string): StoredModel | undefined {
    const row = this.selectOne.get(id);
    return row && decodeModel(row, this.file);
  }

  /** The latest version of a name. */
  getLatest(name: string): StoredModel | undefined {
    const row = this.selectLatest.get(name);
    return row && decodeModel(row, this.file);
  }

  delete(id: string): boolean {
    return this.remover.run(id).changes > 0;
  }

  private get file(): string {
    return this.db.name;
  }
}
