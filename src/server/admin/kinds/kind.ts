// What the draft workflow (../drafts.ts) needs to know about one kind of record: how to read the
// published record and its scope, normalise and check fields, flatten them for diffs and merges,
// and write the published record. One adapter per kind: service.ts, agency.ts, region.ts.
import type { Kysely, Transaction } from "kysely";
import type { Action, Scope } from "../../../domain/admin/roles";
import type { Change, FieldError } from "../../../domain/admin/service-fields";
import type { RecordKind } from "../../../domain/admin/shapes";
import type { Database } from "../../db/tables";

export interface Loaded<F, X> {
  fields: F;
  scope: Scope;
  extra: X;
}

/** A verification claim stored with a service draft: who checked the facts against which dated source. */
export interface StoredClaim {
  source: string;
  sourceDate: string;
  by: string;
}

export interface WriteContext {
  today: string;
  /** Officer publishing. */
  by: string;
  claim: StoredClaim | null;
  /** Set when the record does not exist yet. */
  newRecord: { regionCode: string; agencySlug?: string; slug?: string } | null;
}

export interface KindAdapter<F, X> {
  kind: RecordKind;
  entity(id: string): string;
  draftAction: Action;
  reviewAction: Action;
  load(db: Kysely<Database>, id: string): Promise<Loaded<F, X> | null>;
  normalize(fields: F): F;
  check(fields: F): FieldError[];
  /** Fields as [name, value] pairs in a fixed order: the unit of diffs, merges and audit changes. */
  flatten(fields: F): Array<[string, unknown]>;
  unflatten(pairs: ReadonlyArray<[string, unknown]>): F;
  /** Writes the published record (update, or insert for a new one); returns changes beyond the fields (e.g. verification). */
  write(trx: Transaction<Database>, id: string, fields: F, contentChanges: readonly Change[], ctx: WriteContext): Promise<Change[]>;
  title(fields: F, id: string): string;
}
