// The review steps of a draft (drafts.ts keeps the drafts themselves): submit for review, publish
// (the reviewer is never an author; a province admin publishing their own draft gives a recorded
// reason), reject with a reason. Publishing applies the draft's own changes (base -> draft) to the
// record as it is now, inside db.write so every node's caches and ETags move; the same field changed
// both ways is a conflict (409). Every step is one audit row in the step's own transaction.
import { diffPairs } from "../../domain/admin/service-fields";
import { todayWib } from "../../domain/admin/review-age";
import { recordAudit } from "../audit/log";
import { HttpError } from "../errors";
import { auditActor, openDraft, type Actor, type DraftRow, type WorkflowContext } from "./drafts";
import type { KindAdapter, StoredClaim } from "./kinds/kind";

const SELF_PUBLISH_REASON_MIN = 10;

export async function submitDraft<F, X>(ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, actor: Actor): Promise<void> {
  const now = new Date(ctx.now()).toISOString();
  await ctx.db.transaction(async (trx) => {
    const row = await openDraft(trx, ctx.db, adapter.kind, id, true);
    if (!row) throw new HttpError("draft_not_found");
    if (row.status === "in_review") throw new HttpError("conflict", "The draft is already waiting for review.");
    await trx.updateTable("drafts").set({ status: "in_review", submitted_at: now, submitted_by: actor.officer.username, updated_at: now }).where("id", "=", row.id).execute();
    await recordAudit(trx, {
      actor: auditActor(actor), action: "draft.submit", entity: adapter.entity(id), at: now,
      changes: [{ field: "status", before: row.status, after: "in_review" }], note: row.change_note,
    });
  });
}

export async function publishDraft<F, X>(ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, actor: Actor, reason: string | undefined): Promise<void> {
  const now = new Date(ctx.now()).toISOString();
  const me = actor.officer.username;
  await ctx.db.write(async (trx) => {
    const row = await openDraft(trx, ctx.db, adapter.kind, id, true);
    if (!row) throw new HttpError("draft_not_found");
    const authors = JSON.parse(row.authors) as string[];
    const own = authors.includes(me);
    const why = reason?.trim() ?? "";
    if (own) {
      if (actor.officer.role !== "province-admin") {
        throw new HttpError("forbidden", "The reviewer is never an author of the draft: another officer must review and publish it.");
      }
      if (why.length < SELF_PUBLISH_REASON_MIN) {
        throw new HttpError("invalid_field", `reason: publishing your own draft needs a written reason (${SELF_PUBLISH_REASON_MIN} or more characters); it is recorded.`);
      }
    } else if (row.status !== "in_review") {
      throw new HttpError("conflict", "The draft has not been submitted for review yet.");
    }
    const published = await adapter.load(trx, id);
    const data = JSON.parse(row.data) as F;
    let merged: F;
    if (Number(row.is_new) === 1) {
      if (published) throw new HttpError("conflict", `${adapter.kind} ${id} was created meanwhile: this draft cannot create it again.`);
      merged = data;
    } else {
      if (!published) throw new HttpError("conflict", `${adapter.kind} ${id} no longer exists.`);
      const base = new Map(adapter.flatten(JSON.parse(row.base!) as F));
      const current = adapter.flatten(published.fields);
      const wanted = new Map(adapter.flatten(data));
      const conflicts: string[] = [];
      const result = current.map(([field, now]): [string, unknown] => {
        const b = JSON.stringify(base.get(field) ?? null);
        const d = JSON.stringify(wanted.get(field) ?? null);
        if (d === b) return [field, now];
        const c = JSON.stringify(now ?? null);
        if (c !== b && c !== d) conflicts.push(field);
        return [field, wanted.get(field) ?? null];
      });
      if (conflicts.length > 0) {
        throw new HttpError("conflict", `Changed in the published record since this draft began: ${conflicts.join(", ")}. Open the draft, take the current values into account and save it again.`);
      }
      merged = adapter.unflatten(result);
    }
    const contentChanges = diffPairs(published ? adapter.flatten(published.fields) : [], adapter.flatten(merged));
    const claim = row.claim === null ? null : (JSON.parse(row.claim) as StoredClaim);
    const extra = await adapter.write(trx, id, merged, contentChanges, {
      today: todayWib(ctx.now()), by: me, claim,
      newRecord: Number(row.is_new) === 1 ? { regionCode: row.region_code, agencySlug: row.agency_slug ?? undefined, slug: newSlug(adapter.kind, id, row) } : null,
    });
    await trx.updateTable("drafts").set({ status: "published", decided_at: now, decided_by: me, decision_note: own ? why : (why || null), updated_at: now }).where("id", "=", row.id).execute();
    await recordAudit(trx, {
      actor: auditActor(actor), action: "draft.publish", entity: adapter.entity(id), at: now,
      changes: [...contentChanges, ...extra, { field: "status", before: row.status, after: "published" }],
      note: own ? `${row.change_note} | diterbitkan oleh penyusunnya sendiri, alasan: ${why}` : why ? `${row.change_note} | ${why}` : row.change_note,
    });
  });
}

/** The slug a new record's id ends with (services: after "region-agency-"; agencies: after "region-"). */
function newSlug(kind: string, id: string, row: DraftRow): string | undefined {
  if (kind === "service" && row.agency_slug) return id.slice(`${row.region_code}-${row.agency_slug}-`.length);
  if (kind === "agency") return id.slice(`${row.region_code}-`.length);
  return undefined;
}

export async function rejectDraft<F, X>(ctx: WorkflowContext, adapter: KindAdapter<F, X>, id: string, actor: Actor, reason: string): Promise<void> {
  const why = reason.trim();
  if (why === "") throw new HttpError("invalid_field", "reason: say why the draft is rejected, so its author can fix it.");
  const now = new Date(ctx.now()).toISOString();
  await ctx.db.transaction(async (trx) => {
    const row = await openDraft(trx, ctx.db, adapter.kind, id, true);
    if (!row) throw new HttpError("draft_not_found");
    if ((JSON.parse(row.authors) as string[]).includes(actor.officer.username)) {
      throw new HttpError("forbidden", "The reviewer is never an author of the draft: edit it instead.");
    }
    if (row.status !== "in_review") throw new HttpError("conflict", "Only a draft waiting for review can be rejected.");
    await trx.updateTable("drafts").set({ status: "rejected", decided_at: now, decided_by: actor.officer.username, decision_note: why, updated_at: now }).where("id", "=", row.id).execute();
    await recordAudit(trx, {
      actor: auditActor(actor), action: "draft.reject", entity: adapter.entity(id), at: now,
      changes: [{ field: "status", before: "in_review", after: "rejected" }], note: why,
    });
  });
}
