// The database schema as an ordered list of migrations. Each runs once, inside a transaction,
// and is recorded in schema_migrations; a database at any earlier version is brought forward on
// start. Never edit a migration that has shipped: append a new one.
import type { Database } from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/** Keeps updated_at current when a row is edited by hand (e.g. by an officer with sqlite3). */
const touch = (table: string, key: string) => `
CREATE TRIGGER ${table}_touch AFTER UPDATE ON ${table} WHEN new.updated_at IS old.updated_at BEGIN
  UPDATE ${table} SET updated_at = ${NOW} WHERE ${key} = new.${key};
END;`;

const FTS_ROW = `new.pk, new.name, new.name_en, new.slug,
  coalesce((SELECT a.name || ' ' || a.short_name || ' ' || a.name_en || ' ' || a.slug FROM agencies a WHERE a.id = new.agency_id), ''),
  new.keywords, new.description`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "regions, agencies, counters, services",
    sql: `
CREATE TABLE regions (
  code TEXT PRIMARY KEY CHECK (length(code) = 4),
  type TEXT NOT NULL CHECK (type IN ('kabupaten', 'kota')),
  name TEXT NOT NULL,
  seat TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  mpp_status TEXT NOT NULL CHECK (mpp_status IN ('yes', 'planned', 'no', 'unknown')),
  mpp_note TEXT,
  mpp_source TEXT,
  updated_at TEXT NOT NULL DEFAULT (${NOW})
);
CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions(code),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  short_name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('nasional', 'provinsi', 'daerah', 'bumn', 'bumd')),
  note TEXT,
  sort INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  UNIQUE (region_code, slug)
);
CREATE INDEX agencies_region ON agencies(region_code, sort);
CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  label TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX counters_agency ON counters(agency_id, sort);
-- pk is an explicit INTEGER PRIMARY KEY so the search index's rowids survive VACUUM.
CREATE TABLE services (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  region_code TEXT NOT NULL REFERENCES regions(code),
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description TEXT NOT NULL,
  requirements TEXT NOT NULL CHECK (json_valid(requirements)),
  steps TEXT NOT NULL CHECK (json_valid(steps)),
  fee_amount INTEGER CHECK (fee_amount IS NULL OR fee_amount >= 0),
  fee_note TEXT,
  duration TEXT,
  hours TEXT,
  legal_basis TEXT NOT NULL CHECK (json_valid(legal_basis)),
  product TEXT,
  complaint_channels TEXT NOT NULL CHECK (json_valid(complaint_channels)),
  online_url TEXT,
  source TEXT,
  verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  last_verified TEXT,
  keywords TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  -- the honesty rule: a verified record names its source and the date it was checked
  CHECK (verified = 0 OR (source IS NOT NULL AND last_verified IS NOT NULL))
);
CREATE INDEX services_region ON services(region_code, sort);
CREATE INDEX services_agency ON services(agency_id, sort);
${touch("regions", "code")}
${touch("agencies", "id")}
${touch("services", "pk")}
`,
  },
  {
    version: 2,
    name: "full-text search index on services",
    sql: `
CREATE VIRTUAL TABLE services_fts USING fts5(
  name, name_en, slug, agency, keywords, description,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER services_fts_insert AFTER INSERT ON services BEGIN
  INSERT INTO services_fts(rowid, name, name_en, slug, agency, keywords, description) VALUES (${FTS_ROW});
END;
CREATE TRIGGER services_fts_delete AFTER DELETE ON services BEGIN
  DELETE FROM services_fts WHERE rowid = old.pk;
END;
CREATE TRIGGER services_fts_update AFTER UPDATE ON services BEGIN
  DELETE FROM services_fts WHERE rowid = old.pk;
  INSERT INTO services_fts(rowid, name, name_en, slug, agency, keywords, description) VALUES (${FTS_ROW});
END;
-- an agency renamed by hand re-indexes its services (the update fires services_fts_update)
CREATE TRIGGER agencies_fts_update AFTER UPDATE OF name, short_name, name_en ON agencies BEGIN
  UPDATE services SET keywords = keywords WHERE agency_id = new.id;
END;
INSERT INTO services_fts(rowid, name, name_en, slug, agency, keywords, description)
  SELECT s.pk, s.name, s.name_en, s.slug,
    coalesce((SELECT a.name || ' ' || a.short_name || ' ' || a.name_en || ' ' || a.slug FROM agencies a WHERE a.id = s.agency_id), ''),
    s.keywords, s.description
  FROM services s;
`,
  },
];

/** Applies every migration not yet recorded, in order; returns the versions applied now. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((m, i) => {
    if (i > 0 && m.version <= migrations[i - 1]!.version) {
      throw new Error(`migrations: versions must increase, ${m.version} follows ${migrations[i - 1]!.version}`);
    }
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (${NOW})
  )`);
  const done = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map((r) => r.version),
  );
  const record = db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name);
    })();
    applied.push(m.version);
  }
  return applied;
}
