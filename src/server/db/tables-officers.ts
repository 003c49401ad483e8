// The officers' tables (migration 4, migration-officers.ts): accounts, sessions, sign-in attempts,
// the append-only audit log with its head, and drafts under review. Timestamps are ISO-8601 UTC
// text written by the server (they sort as text on both engines); booleans are 0/1 integers.
import type { Generated } from "kysely";
import type { Role } from "../../domain/admin/roles";

export interface OfficersTable {
  id: Generated<number>;
  /** Lower case, [a-z0-9._-], 3-40 characters; never reused for another person. */
  username: string;
  /** argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash). */
  password_hash: string;
  role: Role;
  region_code: string | null;
  agency_slug: string | null;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token: the database never holds a usable session id. */
  id_hash: string;
  officer_id: number;
  created_at: string;
  last_seen_at: string;
  /** created_at + the absolute lifetime (12 h). */
  expires_at: string;
}

/** One row per sign-in attempt still counting towards a lockout (15 minutes); deleted on success. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  /** The username as typed, folded to lower case (counted whether or not the account exists). */
  username: string;
  address: string;
  at: string;
}

export interface AuditLogTable {
  /** 1, 2, 3, ... without gaps: assigned under the head's lock, never by a sequence. */
  seq: number;
  at: string;
  /** Username, "cli:<os user>" for the account command, or "(unknown)" for a failed sign-in of no account. */
  actor: string;
  actor_role: string | null;
  address: string | null;
  action: string;
  /** "service:<id>", "agency:<id>", "region:<code>", "officer:<username>". */
  entity: string;
  /** JSON [{ field, before, after }]. */
  changes: string;
  note: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id 1): the newest audit row's seq and hash. Writers lock it; verify checks the chain ends here. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DraftsTable {
  id: Generated<number>;
  kind: "service" | "agency" | "region";
  /** Service id, agency id or region code (for a new record: the id it will have). */
  entity_id: string;
  is_new: number;
  region_code: string;
  /** The agency a service draft belongs to (scope of editors); null for agency and region drafts. */
  agency_slug: string | null;
  status: "draft" | "in_review" | "rejected" | "published";
  /** JSON: the whole proposed record (EditableService, AgencyFields or RegionFields). */
  data: string;
  /** JSON: the published record the draft started from (null for a new one), for the diff and conflicts. */
  base: string | null;
  /** JSON: the verification claim of a service draft, or null. */
  claim: string | null;
  change_note: string;
  /** Everyone who saved it (JSON list of usernames): none of them may review it. */
  authors: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  /** Rejection reason, or a province admin's reason for publishing their own draft. */
  decision_note: string | null;
}

export interface OfficerTables {
  officers: OfficersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  drafts: DraftsTable;
}
