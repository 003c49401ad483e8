// The workspace's lists: the services an officer may edit (with the filters "unverified", "never
// checked", "due for review" and "open drafts"), and drafts (the review queue, one's own drafts).
// Always limited to the officer's scope: a region admin sees one region, an editor one agency there.
import { sql } from "kysely";
import { can, covers, type Officer } from "../../domain/admin/roles";
import { monthsBefore, reviewState } from "../../domain/admin/review-age";
import type { DraftListItem, ServiceListItem } from "../../domain/admin/shapes";
import { foldText } from "../../domain/normalize";
import type { Db } from "../db/open";

export interface ServiceListFilter {
  filter?: "all" | "unverified" | "never-checked" | "due-for-review" | "drafts";
  region?: string;
  agency?: string;
  q?: string;
  limit?: number;
}

export async function listServices(db: Db, officer: Officer, f: ServiceListFilter, today: string): Promise<{ services: ServiceListItem[]; total: number }> {
  let q = db.kysely.selectFrom("services as s")
    .innerJoin("agencies as a", "a.id", "s.agency_id")
    .leftJoin("drafts as d", (j) => j.onRef("d.entity_id", "=", "s.id").on("d.kind", "=", "service").on("d.status", "in", ["draft", "in_review"]))
    .select(["s.id", "s.region_code", "a.slug as agency_slug", "s.name", "s.fee_amount", "s.verified", "s.last_verified", "s.updated_at", "d.status as draft_status"]);
  if (officer.role !== "province-admin") q = q.where("s.region_code", "=", officer.region!);
  if (officer.role === "editor") q = q.where("a.slug", "=", officer.agency!);
  if (f.region) q = q.where("s.region_code", "=", f.region);
  if (f.agency) q = q.where("a.slug", "=", f.agency);
  switch (f.filter ?? "all") {
    case "unverified": q = q.where("s.verified", "=", 0); break;
    case "never-checked": q = q.where("s.last_verified", "is", null); break;
    case "due-for-review": q = q.where("s.verified", "=", 1).where("s.last_verified", "<", monthsBefore(today, 12)); break;
    case "drafts": q = q.where("d.status", "is not", null); break;
    case "all": break;
  }
  let rows = await q.orderBy("s.region_code").orderBy("s.sort").orderBy("s.id").execute();
  if (f.q && f.q.trim()) {
    const needle = foldText(f.q);
    rows = rows.filter((r) => foldText(`${r.name} ${r.id}`).includes(needle));
  }
  const total = rows.length;
  return {
    total,
    services: rows.slice(0, f.limit ?? 500).map((r) => ({
      id: r.id, regionCode: r.region_code, agencySlug: r.agency_slug, name: r.name,
      feeAmount: r.fee_amount === null ? null : Number(r.fee_amount), verified: Number(r.verified) === 1,
      lastVerified: r.last_verified, review: reviewState({ verified: Number(r.verified) === 1, lastVerified: r.last_verified }, today),
      draftStatus: (r.draft_status as "draft" | "in_review" | null) ?? null, updatedAt: r.updated_at,
    })),
  };
}

const REVIEW_ACTION = { service: "service.review", agency: "agency.review", region: "region.review" } as const;

export async function listDrafts(db: Db, officer: Officer, f: { status?: "draft" | "in_review" | "rejected"; mine?: boolean }): Promise<DraftListItem[]> {
  let q = db.kysely.selectFrom("drafts as d")
    .innerJoin("regions as r", "r.code", "d.region_code")
    .select(["d.kind", "d.entity_id", "d.data", "d.status", "d.is_new", "d.region_code", "d.agency_slug", "d.change_note", "d.authors", "d.updated_at", "d.submitted_at", "r.name as region_name"])
    .where("d.status", "in", f.status ? [f.status] : ["draft", "in_review"]);
  if (officer.role !== "province-admin") q = q.where("d.region_code", "=", officer.region!);
  if (officer.role === "editor") q = q.where("d.agency_slug", "=", officer.agency!).where("d.kind", "=", "service");
  const rows = await q.orderBy(sql`coalesce(d.submitted_at, d.updated_at)`).limit(500).execute();
  return rows.flatMap((r) => {
    const scope = { region: r.region_code, agency: r.agency_slug };
    if (!covers(officer, scope)) return [];
    const authors = JSON.parse(r.authors) as string[];
    if (f.mine && !authors.includes(officer.username)) return [];
    const data = JSON.parse(r.data) as { name?: unknown };
    const own = authors.includes(officer.username);
    return [{
      kind: r.kind, entityId: r.entity_id, title: typeof data.name === "string" ? data.name : `MPP ${r.region_name}`,
      status: r.status, isNew: Number(r.is_new) === 1, regionCode: r.region_code, agencySlug: r.agency_slug,
      changeNote: r.change_note, authors, updatedAt: r.updated_at, submittedAt: r.submitted_at,
      canReview: r.status === "in_review" && can(officer, REVIEW_ACTION[r.kind], scope) && (!own || officer.role === "province-admin"),
    }];
  });
}
