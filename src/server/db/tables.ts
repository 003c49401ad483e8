// The tables as Kysely sees them: one typed Database interface for both engines. Column types
// are what both drivers return (TEXT, INTEGER as number, REAL/double as number); JSON lists are
// stored as TEXT and parsed by the repository; booleans are 0/1 integers on both engines.
// Engine-internal tables (SQLite's services_fts, PostgreSQL's services_search) are not listed:
// only their engine module (engines/*.ts) touches them.
import type { Generated, Insertable, Selectable } from "kysely";
import type { AgencyLevel, PhysicalMppStatus, RegionType } from "../../domain/types";
import type { FeedbackTables } from "./tables-feedback";
import type { OfficerTables } from "./tables-officers";
import type { QueueTables } from "./tables-queue";

export interface RegionsTable {
  code: string;
  type: RegionType;
  name: string;
  seat: string;
  lat: number;
  lon: number;
  mpp_status: PhysicalMppStatus;
  mpp_note: string | null;
  mpp_source: string | null;
  /** Migration 4: the MPP's address, and its opening hours per weekday (JSON WeekHours), as officers keep them. */
  mpp_address: Generated<string | null>;
  mpp_hours: Generated<string | null>;
  updated_at: Generated<string>;
}

export interface AgenciesTable {
  id: string;
  region_code: string;
  slug: string;
  name: string;
  name_en: string;
  short_name: string;
  level: AgencyLevel;
  note: string | null;
  sort: Generated<number>;
  updated_at: Generated<string>;
}

export interface CountersTable {
  id: string;
  agency_id: string;
  label: string;
  sort: Generated<number>;
}

export interface ServicesTable {
  /** Stable integer key (SQLite rowid alias, PostgreSQL serial): the search index refers to it. */
  pk: Generated<number>;
  id: string;
  region_code: string;
  agency_id: string;
  slug: string;
  name: string;
  name_en: string;
  description: string;
  /** JSON array of strings. */
  requirements: string;
  /** JSON array of strings. */
  steps: string;
  fee_amount: number | null;
  fee_note: string | null;
  duration: string | null;
  hours: string | null;
  /** JSON array of strings. */
  legal_basis: string;
  product: string | null;
  /** JSON array of ComplaintChannel. */
  complaint_channels: string;
  online_url: string | null;
  source: string | null;
  verified: Generated<number>;
  last_verified: string | null;
  keywords: Generated<string>;
  sort: Generated<number>;
  updated_at: Generated<string>;
  /** Migration 4: JSON StandardFields (Standar Pelayanan components besides the record's own fields). */
  standard: Generated<string>;
  /** Migration 4: who marked it verified, and the date of the source it was checked against. */
  verified_by: Generated<string | null>;
  source_date: Generated<string | null>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<string>;
}

/** One row (id 1) whose version moves on every write to the catalog tables (triggers) or by bumpDataVersion(). */
export interface DataVersionTable {
  id: number;
  version: number;
}

/** Small facts about the database itself, e.g. seed_hash: the catalog last seeded. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface Database extends OfficerTables, QueueTables, FeedbackTables {
  regions: RegionsTable;
  agencies: AgenciesTable;
  counters: CountersTable;
  services: ServicesTable;
  schema_migrations: SchemaMigrationsTable;
  data_version: DataVersionTable;
  meta: MetaTable;
}

/** The data tables in the order their foreign keys allow inserting them (used by seeding and db:copy). */
export const DATA_TABLES = ["regions", "agencies", "counters", "services"] as const satisfies ReadonlyArray<keyof Database>;

export type ServiceRow = Selectable<ServicesTable>;
export type NewService = Insertable<ServicesTable>;
