// Service records for the draft workflow: read the published record with what only officers see
// (Standar Pelayanan components, verifier, source date), and write a published record, deciding
// its verification: a draft with a verification claim publishes as verified today (WIB) by the
// claim's author; a draft that changes facts without one publishes as unverified; other changes
// (names, description, keywords, the Standar Pelayanan components) keep the verification as it was.
import type { Kysely, Transaction } from "kysely";
import { emptyStandard, readStandard, STANDARD_FIELDS, type StandardFields } from "../../../domain/admin/standard";
import {
  changesFacts, checkService, diffPairs, normalizeService, type Change, type EditableService,
} from "../../../domain/admin/service-fields";
import { reviewState } from "../../../domain/admin/review-age";
import type { Scope } from "../../../domain/admin/roles";
import type { ComplaintChannel } from "../../../domain/types";
import type { Database } from "../../db/tables";
import type { KindAdapter, Loaded, WriteContext } from "./kind";

export interface ServiceExtra {
  id: string;
  regionCode: string;
  agencySlug: string;
  agencyName: string;
  regionName: string;
  slug: string;
  verified: boolean;
  lastVerified: string | null;
  verifiedBy: string | null;
  sourceDate: string | null;
  updatedAt: string;
}

const list = (text: string): string[] => {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};

export function flattenService(s: EditableService): Array<[string, unknown]> {
  return [
    ["name", s.name], ["nameEn", s.nameEn], ["description", s.description], ["keywords", s.keywords],
    ["requirements", s.requirements], ["steps", s.steps], ["fee.amount", s.fee.amount], ["fee.note", s.fee.note],
    ["duration", s.duration], ["hours", s.hours], ["legalBasis", s.legalBasis], ["product", s.product],
    ["complaintChannels", s.complaintChannels], ["onlineUrl", s.onlineUrl], ["source", s.source],
    ...STANDARD_FIELDS.map((f): [string, unknown] => [`standard.${f}`, s.standard[f]]),
  ];
}

export function unflattenService(pairs: ReadonlyArray<[string, unknown]>): EditableService {
  const m = new Map(pairs);
  const get = <T>(k: string) => m.get(k) as T;
  const standard = emptyStandard();
  for (const f of STANDARD_FIELDS) standard[f] = get<string | null>(`standard.${f}`) ?? null;
  return {
    name: get("name"), nameEn: get("nameEn"), description: get("description"), keywords: get("keywords"),
    requirements: get("requirements"), steps: get("steps"), fee: { amount: get("fee.amount"), note: get("fee.note") },
    duration: get("duration"), hours: get("hours"), legalBasis: get("legalBasis"), product: get("product"),
    complaintChannels: get("complaintChannels"), onlineUrl: get("onlineUrl"), source: get("source"), standard,
  };
}

/** The published record, with the agency slug the editors' scope needs; null when it does not exist. */
export async function loadService(db: Kysely<Database>, id: string): Promise<Loaded<EditableService, ServiceExtra> | null> {
  const r = await db.selectFrom("services as s")
    .innerJoin("agencies as a", "a.id", "s.agency_id")
    .innerJoin("regions as r", "r.code", "s.region_code")
    .selectAll("s")
    .select(["a.slug as agency_slug", "a.name as agency_name", "r.name as region_name"])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  const fields: EditableService = {
    name: r.name, nameEn: r.name_en, description: r.description, keywords: r.keywords,
    requirements: list(r.requirements), steps: list(r.steps), fee: { amount: r.fee_amount === null ? null : Number(r.fee_amount), note: r.fee_note },
    duration: r.duration, hours: r.hours, legalBasis: list(r.legal_basis), product: r.product,
    complaintChannels: (JSON.parse(r.complaint_channels) as ComplaintChannel[]).map((c) => ({ kind: c.kind, label: c.label, value: c.value })),
    onlineUrl: r.online_url, source: r.source, standard: readStandard(JSON.parse(r.standard || "{}")),
  };
  return {
    fields,
    scope: { region: r.region_code, agency: r.agency_slug },
    extra: {
      id: r.id, regionCode: r.region_code, agencySlug: r.agency_slug, agencyName: r.agency_name, regionName: r.region_name, slug: r.slug,
      verified: Number(r.verified) === 1, lastVerified: r.last_verified, verifiedBy: r.verified_by, sourceDate: r.source_date,
      updatedAt: r.updated_at,
    },
  };
}

function columns(s: EditableService) {
  return {
    name: s.name, name_en: s.nameEn, description: s.description, keywords: s.keywords,
    requirements: JSON.stringify(s.requirements), steps: JSON.stringify(s.steps),
    fee_amount: s.fee.amount, fee_note: s.fee.note, duration: s.duration, hours: s.hours,
    legal_basis: JSON.stringify(s.legalBasis), product: s.product, complaint_channels: JSON.stringify(s.complaintChannels),
    online_url: s.onlineUrl, source: s.source, standard: JSON.stringify(s.standard satisfies StandardFields),
  };
}

interface Verification { verified: boolean; lastVerified: string | null; verifiedBy: string | null; sourceDate: string | null }

const verificationPairs = (v: Verification): Array<[string, unknown]> => [
  ["verified", v.verified], ["lastVerified", v.lastVerified], ["verifiedBy", v.verifiedBy], ["sourceDate", v.sourceDate],
];

/** Decides the published verification after a change (see the file comment). */
export function nextVerification(current: Verification | null, contentChanges: readonly Change[], ctx: WriteContext): Verification {
  if (ctx.claim) return { verified: true, lastVerified: ctx.today, verifiedBy: ctx.claim.by, sourceDate: ctx.claim.sourceDate };
  const sourceChanged = contentChanges.some((c) => c.field === "source");
  if (!current || changesFacts(contentChanges) || sourceChanged) return { verified: false, lastVerified: null, verifiedBy: null, sourceDate: null };
  return current;
}

/** Writes the record: updates the published row, or inserts a new service. Returns the verification changes. */
async function writeService(trx: Transaction<Database>, id: string, fields: EditableService, contentChanges: readonly Change[], ctx: WriteContext): Promise<Change[]> {
  const existing = await loadService(trx, id);
  const before: Verification | null = existing
    ? { verified: existing.extra.verified, lastVerified: existing.extra.lastVerified, verifiedBy: existing.extra.verifiedBy, sourceDate: existing.extra.sourceDate }
    : null;
  const v = nextVerification(before, contentChanges, ctx);
  const data = {
    ...columns(ctx.claim ? { ...fields, source: ctx.claim.source } : fields),
    verified: v.verified ? 1 : 0, last_verified: v.lastVerified, verified_by: v.verifiedBy, source_date: v.sourceDate,
  };
  if (existing) {
    await trx.updateTable("services").set(data).where("id", "=", id).execute();
  } else {
    const n = ctx.newRecord;
    if (!n || n.agencySlug === undefined || n.slug === undefined) throw new Error("service: a new service needs its agency and slug");
    const agencyId = `${n.regionCode}-${n.agencySlug}`;
    const last = await trx.selectFrom("services").select((eb) => eb.fn.max("sort").as("m")).where("agency_id", "=", agencyId).executeTakeFirst();
    const agency = await trx.selectFrom("agencies").select("sort").where("id", "=", agencyId).executeTakeFirstOrThrow();
    const sort = last?.m === null || last?.m === undefined ? Number(agency.sort) * 100 : Number(last.m) + 1;
    await trx.insertInto("services").values({ ...data, id, region_code: n.regionCode, agency_id: agencyId, slug: n.slug, sort }).execute();
  }
  return diffPairs(before ? verificationPairs(before) : [], verificationPairs(v));
}

export const serviceKind: KindAdapter<EditableService, ServiceExtra> = {
  kind: "service",
  entity: (id) => `service:${id}`,
  draftAction: "service.draft",
  reviewAction: "service.review",
  load: loadService,
  normalize: normalizeService,
  check: checkService,
  flatten: flattenService,
  unflatten: unflattenService,
  write: writeService,
  title: (f) => f.name,
};

/** The state a service's list row shows, from its verification (WIB "today"). */
export function serviceReview(extra: Pick<ServiceExtra, "verified" | "lastVerified">, today: string) {
  return reviewState(extra, today);
}

export type { Scope };
