// Opens (creating if needed) the SQLite file, switches on WAL and foreign keys, migrates and seeds.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrate } from "./migrations";
import { seedDatabase, type SeedCounts } from "./seed";

export interface OpenedDatabase {
  db: Database.Database;
  migrated: number[];
  seeded: SeedCounts;
}

export function openDatabase(path: string): OpenedDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL: readers never block the writer (an officer editing while the server answers).
    if (path !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    const migrated = migrate(db);
    const seeded = seedDatabase(db);
    return { db, migrated, seeded };
  } catch (err) {
    db.close();
    throw err;
  }
}
