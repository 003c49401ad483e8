// Drafts of every kind of record: saving, creating and reading them (the review steps that follow,
// submit, publish and reject, are in review.ts). The workflow: draft -> in_review -> published (or rejected).
//
// - A draft holds the whole proposed record, the published record it started from (base) and a
//   change note (required). At most one open draft per record (a unique index on both engines).
// - Saving merges the sent fields over the open draft (or the published record); an edit of a draft
//   in review sends it back to draft. Everyone who saved it is an author.
// - The reviewer is never an author. A province admin may publish their own draft only with a
//   written reason, which is recorded.
// - Publishing applies the draft's own changes (base -> draft) to the record as it is now, so a
//   verification or another draft published meanwhile is kept; the same field changed both ways is
//   a conflict (409). Publishing runs in db.write: the data version moves, so every node's caches
//   and ETags change and kiosks get the new record at their next fetch.
// - Every step is exactly one audit row, written in the step's own transaction.
import type { Selectable, Transaction } from "kysely";
import { can, type Officer, type Scope } from "../../domain/admin/roles";
import { changesFacts, checkClaim, diffPairs, type Change, type FieldError, type VerificationClaim } from "../../domain/admin/service-fields";
import { todayWib } from "../../domain/admin/review-age";
import { recordAudit, type AuditActor } from "../audit/log";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import type { DraftsTable } from "../db/tables-officers";
import { HttpError } from "../errors";
import type { KindAdapter, StoredClaim } from "./kinds/kind";

export interface Actor {
  officer: Officer;
  address: string | null;
}

export interface WorkflowContext {
  db: Db;
  now: () => number;
}

export type DraftRow = Selectable<DraftsTable>;

export interface DraftView<F> {
  id: number;
  status: DraftRow["status"];
  isNew: boolean;
  fields: F;
  changeNote: string;
  authors: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  changes: Change[];
  verification: StoredClaim | null;
}

export interface RecordView<F, X> {
  id: string;
  scope: Scope;
  published: { fields: F; extra: X } | null;
  draft: DraftView<F> | null;
  can: { edit: boolean; review: boolean; verify: boolean; reviewNeedsReason: boolean };
}


export const auditActor = (a: Actor): AuditActor => ({ username: a.officer.username, role: a.officer.role, address: a.address });

export function fieldErrors(errors: readonly FieldError[], prefix: string): HttpError {
  const text = errors.slice(0, 5).map((e) => `${prefix}${e.field}: ${e.message}`).join(" ");
  return new HttpError("invalid_field", errors.length > 5 ? `${text} (and ${errors.length - 5} more)` : text);
}

export async function openDraft(trx: Transaction<Database> | Db["kysely"], db: Db, kind: string, id: string, lock: boolean): Promise<DraftRow | undefined> {
  let q = trx.selectFrom("drafts").selectAll().where("kind", "=", kind as DraftRow["kind"]).where("entity_id", "=", id).where("status", "in", ["draft", "in_review"]);
  // PostgreSQL: the row stays locked to the end of the transaction, so two reviewers or two savers
  // queue up and the second sees what the first did. SQLite's BEGIN IMMEDIATE already serialises.
  if (lock && db.name === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

function draftView<F, X>(adapter: KindAdapter<F, X>, row: DraftRow): DraftView<F> {
  const data = JSON.parse(row.data) as F;
  const base = row.base === null ? null : (JSON.parse(row.base) as F);
  return {
    id: Number(row.id), status: row.status, isNew: Number(row.is_new) === 1, fields: data, changeNote: row.change_note,
    authors: JSON.parse(row.authors) as string[], createdAt: row.created_at, updatedAt: row.updated_at,
    submittedAt: row.submitted_at, submittedBy: row.submitted_by, decidedAt: row.decided_at, decidedBy: row.decided_by,
    decisionNote: row.decision_note, changes: diffPairs(base === null ? [] : adapter.flatten(base), adapter.flatten(data)),
    verification: row.claim === null ? null : (JSON.parse(row.claim) as StoredClaim),
  };
}

function isUniqueViolation(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? "");
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** The scope of a record (published, or only drafted as new); 404 when neither exists. */
export async function recordScope<F, X>(db: Db, adapter: KindAdapter<F, X>, id: string): Promise<Scope> {
  const published = await adapter.load(db.kysely, id);
  if (published) return published.scope;
  const draft = await openDraft(db.kysely, db, adapter.kind, id, false);
  if (draft) return { region: draft.region_code, agency: draft.agency_slug };
  throw new HttpError("record_not_found", `No ${adapter.kind} ${id}.`);
}

export async function readRecord<F, X>(ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, officer: Officer): Promise<RecordView<F, X>> {
  const k = ctx.db.kysely;
  const [published, row] = await Promise.all([adapter.load(k, id), openDraft(k, ctx.db, adapter.kind, id, false)]);
  if (!published && !row) throw new HttpError("record_not_found", `No ${adapter.kind} ${id}.`);
  const scope = published?.scope ?? { region: row!.region_code, agency: row!.agency_slug };
  const draft = row ? draftView(adapter, row) : null;
  const author = draft?.authors.includes(officer.username) ?? false;
  const mayReview = can(officer, adapter.reviewAction, scope);
  const review = draft !== null && mayReview && (!author || officer.role === "province-admin");
  return {
    id, scope, published: published ? { fields: published.fields, extra: published.extra } : null, draft,
    can: {
      edit: can(officer, adapter.draftAction, scope),
      review,
      verify: adapter.kind === "service" && published !== null && can(officer, "service.verify", scope),
      reviewNeedsReason: review && author,
    },
  };
}

function claimOf(claim: VerificationClaim | null | undefined, by: string, today: string): StoredClaim | null {
  if (!claim) return null;
  const errors = checkClaim(claim, today);
  if (errors.length > 0) throw fieldErrors(errors, "");
  return { source: claim.source.trim(), sourceDate: claim.sourceDate, by };
}

/** Saves (creates or updates) the open draft of an existing record with the sent fields. */
export async function saveDraft<F extends object, X>(
  ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, patch: Partial<F>, changeNote: string, actor: Actor,
  claim?: VerificationClaim | null,
): Promise<void> {
  try {
    await ctx.db.transaction((trx) => saveDraftTx(trx, ctx, adapter, id, patch, changeNote, actor, claim));
  } catch (err) {
    if (isUniqueViolation(err)) throw new HttpError("conflict", "Another officer opened a draft of this record at the same moment: reload and try again.");
    throw err;
  }
}

/** saveDraft inside the caller's transaction (the import writes all its drafts in one). */
export async function saveDraftTx<F extends object, X>(
  trx: Transaction<Database>, ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, patch: Partial<F>, changeNote: string, actor: Actor,
  claim?: VerificationClaim | null,
): Promise<void> {
  const note = changeNote.trim();
  if (note === "") throw new HttpError("invalid_field", "changeNote: every draft needs a change note saying why.");
  const now = new Date(ctx.now()).toISOString();
  const me = actor.officer.username;
  const stored = claimOf(claim, me, todayWib(ctx.now()));
  const published = await adapter.load(trx, id);
  const row = await openDraft(trx, ctx.db, adapter.kind, id, true);
  if (!published && !row) throw new HttpError("record_not_found", `No ${adapter.kind} ${id}.`);
  const previous = row ? (JSON.parse(row.data) as F) : published!.fields;
  let merged = adapter.normalize({ ...previous, ...patch });
  // A claim names the source the facts were checked against: that is the record's source.
  if (stored && "source" in merged) merged = { ...merged, source: stored.source };
  const errors = adapter.check(merged);
  if (errors.length > 0) throw fieldErrors(errors, `${adapter.kind}.`);
  const changes = diffPairs(adapter.flatten(previous), adapter.flatten(merged));
  const againstPublished = published ? diffPairs(adapter.flatten(published.fields), adapter.flatten(merged)) : changes;
  if (!row && againstPublished.length === 0 && !stored) {
    throw new HttpError("invalid_field", `${adapter.kind}: the draft changes nothing in the published record.`);
  }
  // A claim covers the facts as they were checked: changing facts without a new claim drops it.
  const claimText = stored ? JSON.stringify(stored) : changesFacts(changes) ? null : (row?.claim ?? null);
  if (row) {
    const authors = JSON.parse(row.authors) as string[];
    if (!authors.includes(me)) authors.push(me);
    await trx.updateTable("drafts").set({
      data: JSON.stringify(merged), change_note: note, authors: JSON.stringify(authors), updated_at: now, status: "draft",
      claim: claim === null ? null : claimText, submitted_at: null, submitted_by: null,
    }).where("id", "=", row.id).execute();
  } else {
    await trx.insertInto("drafts").values({
      kind: adapter.kind, entity_id: id, is_new: 0, region_code: published!.scope.region!, agency_slug: published!.scope.agency,
      status: "draft", data: JSON.stringify(merged), base: JSON.stringify(published!.fields), claim: claimText,
      change_note: note, authors: JSON.stringify([me]), created_at: now, updated_at: now,
    }).execute();
  }
  const statusChange: Change[] = row?.status === "in_review" ? [{ field: "status", before: "in_review", after: "draft" }] : [];
  const claimChange: Change[] = stored ? [{ field: "verification", before: row?.claim ? JSON.parse(row.claim) : null, after: stored }] : [];
  await recordAudit(trx, { actor: auditActor(actor), action: "draft.save", entity: adapter.entity(id), changes: [...changes, ...statusChange, ...claimChange], note, at: now });
}

/** Opens a draft for a record that does not exist yet (a new service or agency). */
export async function createDraft<F extends object, X>(
  ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, fields: F, scope: Scope, changeNote: string, actor: Actor,
  claim?: VerificationClaim | null,
): Promise<void> {
  try {
    await ctx.db.transaction((trx) => createDraftTx(trx, ctx, adapter, id, fields, scope, changeNote, actor, claim));
  } catch (err) {
    if (isUniqueViolation(err)) throw new HttpError("conflict", `${adapter.kind} ${id} already has an open draft.`);
    throw err;
  }
}

export async function createDraftTx<F extends object, X>(
  trx: Transaction<Database>, ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, fields: F, scope: Scope, changeNote: string,
  actor: Actor, claim?: VerificationClaim | null,
): Promise<void> {
  const note = changeNote.trim();
  if (note === "") throw new HttpError("invalid_field", "changeNote: every draft needs a change note saying why.");
  const now = new Date(ctx.now()).toISOString();
  const stored = claimOf(claim, actor.officer.username, todayWib(ctx.now()));
  let merged = adapter.normalize(fields);
  if (stored && "source" in merged) merged = { ...merged, source: stored.source };
  const errors = adapter.check(merged);
  if (errors.length > 0) throw fieldErrors(errors, `${adapter.kind}.`);
  if (await adapter.load(trx, id)) throw new HttpError("conflict", `${adapter.kind} ${id} exists already: edit it instead.`);
  if (await openDraft(trx, ctx.db, adapter.kind, id, true)) throw new HttpError("conflict", `${adapter.kind} ${id} already has an open draft.`);
  await trx.insertInto("drafts").values({
    kind: adapter.kind, entity_id: id, is_new: 1, region_code: scope.region!, agency_slug: scope.agency, status: "draft",
    data: JSON.stringify(merged), base: null, claim: stored ? JSON.stringify(stored) : null, change_note: note,
    authors: JSON.stringify([actor.officer.username]), created_at: now, updated_at: now,
  }).execute();
  const changes = diffPairs([], adapter.flatten(merged));
  await recordAudit(trx, { actor: auditActor(actor), action: "draft.save", entity: adapter.entity(id), changes, note: `(baru) ${note}`, at: now });
}

/** Whether a record has an open draft (the import refuses rows whose record is being edited). */
export async function hasOpenDraft(db: Db, kind: string, id: string): Promise<DraftRow["status"] | null> {
  const row = await openDraft(db.kysely, db, kind, id, false);
  return row?.status ?? null;
}
