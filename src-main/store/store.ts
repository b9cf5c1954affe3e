import { join } from 'node:path';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { AutosaveRepo } from './autosave-repo.js';
import { ModelRepo } from './model-repo.js';
import { RecentRepo } from './recent-repo.js';
import { RunRepo } from './run-repo.js';
import { SettingsRepo } from './settings-repo.js';

export const DATABASE_FILE = 'devsim.sqlite';

/** The app's persistent state in one SQLite file inside the data folder. */
export class Store {
  readonly settings: SettingsRepo;
  readonly recent: RecentRepo;
  readonly autosaves: AutosaveRepo;
  readonly runs: RunRepo;
  readonly models: ModelRepo;

  private constructor(
    readonly db: Db,
    readonly file: string,
  ) {
    this.settings = new SettingsRepo(db);
    this.recent = new RecentRepo(db);
    this.autosaves = new AutosaveRepo(db);
    this.runs = new RunRepo(db);
    this.models = new ModelRepo(db);
  }

  static open(dataDir: string, options: OpenOptions = {}): Store {
    const file = join(dataDir, DATABASE_FILE);
    return new Store(openDatabase(file, options), file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
