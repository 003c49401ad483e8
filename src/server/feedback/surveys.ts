// SKM answers and the index (PermenPANRB 14/2017). A survey spends its visit token and stores nine
// integers; the index of an agency, a region and a period comes from SUMs of those integers, handed
// to domain/feedback/skm.ts, which computes NRR and IKM exactly and rounds only at the end.
import type { Kysely } from "kysely";
import Papa from "papaparse";
import { addTallies, checkSurveyAnswers, computeIkm, emptyTally, sampleAdequacy, SKM_UNSUR, type SkmTally } from "../../domain/feedback/skm";
import type { Ikm } from "../../domain/feedback/shapes";
import { normalizeCitizenText } from "../../domain/feedback/text";
import { toWib } from "../../domain/time/wib";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import { HttpError } from "../errors";
import { neutralizeCell } from "../transfer/cells";
import type { QuotaCheck } from "./quota";
import { spendVisitToken } from "./visits";

export interface SurveyInput {
  agencyId: string;
  serviceId?: string;
  answers: unknown;
  comment?: string | null;
  visitToken: string;
}

const U = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;

export async function recordSurvey(db: Db, input: SurveyInput, now: Date, quota?: QuotaCheck): Promise<{ regionCode: string; agencyId: string; day: string }> {
  const answers = checkSurveyAnswers(input.answers);
  if (!answers.ok) throw new HttpError("invalid_parameter", answers.message.en);
  let comment: string | null = null;
  if (typeof input.comment === "string" && input.comment.trim() !== "") {
    const c = normalizeCitizenText(input.comment);
    if (!c.ok) throw new HttpError("invalid_text", `comment: ${c.message.en}`);
    comment = c.text;
  }
  const day = toWib(now).date;
  return db.transaction(async (trx) => {
    const agency = await trx.selectFrom("agencies").select(["id", "region_code"]).where("id", "=", input.agencyId).executeTakeFirst();
    if (!agency) throw new HttpError("unknown_reference", `No agency ${input.agencyId}.`);
    let serviceId = input.serviceId ?? null;
    if (serviceId) {
      const s = await trx.selectFrom("services").select("agency_id").where("id", "=", serviceId).executeTakeFirst();
      if (!s || s.agency_id !== agency.id) throw new HttpError("unknown_reference", `No service ${serviceId} of agency ${agency.id}.`);
    }
    const visit = await spendVisitToken(trx, input.visitToken, now);
    // A visit to one agency rates that agency; a lobby visit rates any agency of its MPP.
    if (visit.agencyId ? visit.agencyId !== agency.id : visit.regionCode !== agency.region_code) {
      throw new HttpError("unknown_reference", `This visit was to ${visit.agencyId ?? `the MPP of ${visit.regionCode}`}, not ${agency.id}.`);
    }
    serviceId ??= visit.serviceId;
    await quota?.(trx);
    const a = answers.answers;
    await trx.insertInto("surveys").values({
      region_code: agency.region_code, agency_id: agency.id, service_id: serviceId, day, visit_kind: visit.kind,
      u1: a[0]!, u2: a[1]!, u3: a[2]!, u4: a[3]!, u5: a[4]!, u6: a[5]!, u7: a[6]!, u8: a[7]!, u9: a[8]!, comment,
    }).execute();
    return { regionCode: agency.region_code, agencyId: agency.id, day };
  });
}

export interface Period { year: number; semester: 1 | 2 | null; from: string; to: string }

export function periodOf(year: number, semester?: number | null): Period {
  const s = semester === 1 || semester === 2 ? semester : null;
  const from = s === 2 ? `${year}-07-01` : `${year}-01-01`;
  const to = s === 1 ? `${year}-06-30` : `${year}-12-31`;
  return { year, semester: s, from, to };
}

/** Respondents and the nine sums per agency of a region in a period (exact integers). */
export async function tallies(db: Kysely<Database>, regionCode: string, p: Period): Promise<Map<string, SkmTally>> {
  const rows = await db.selectFrom("surveys")
    .select((eb) => [
      "agency_id",
      eb.fn.countAll<string | number>().as("n"),
      ...U.map((u) => eb.fn.sum<string | number>(u).as(u)),
    ])
    .where("region_code", "=", regionCode).where("day", ">=", p.from).where("day", "<=", p.to)
    .groupBy("agency_id").execute();
  // PostgreSQL answers count and sum of integers as bigint text; every value here is far below 2^53.
  return new Map(rows.map((r) => [r.agency_id, { respondents: Number(r.n), sums: U.map((u) => Number(r[u])) }]));
}

async function populations(db: Kysely<Database>, regionCode: string, p: Period): Promise<Map<string, number>> {
  const rows = await db.selectFrom("visit_counts").select((eb) => ["agency_id", eb.fn.sum<string | number>("count").as("n")])
    .where("region_code", "=", regionCode).where("day", ">=", p.from).where("day", "<=", p.to)
    .groupBy("agency_id").execute();
  return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
}

function core(t: SkmTally, population: number) {
  const r = computeIkm(t);
  // The population is at least the respondents (a visit counted before this feature started, say).
  const s = sampleAdequacy(r.respondents, Math.max(population, r.respondents));
  return { r, sample: { population: Math.max(population, r.respondents), required: s.required, enough: s.enough, message: s.message } };
}

/** The index of a region and each of its agencies for the period; null when there is no such region. */
export async function regionIkm(db: Kysely<Database>, regionCode: string, p: Period): Promise<Ikm | null> {
  const region = await db.selectFrom("regions").select(["code", "name"]).where("code", "=", regionCode).executeTakeFirst();
  if (!region) return null;
  const [agencies, byAgency, pop] = await Promise.all([
    db.selectFrom("agencies").select(["id", "name"]).where("region_code", "=", regionCode).orderBy("sort").orderBy("id").execute(),
    tallies(db, regionCode, p),
    populations(db, regionCode, p),
  ]);
  const total = [...byAgency.values()].reduce(addTallies, emptyTally());
  const all = core(total, [...pop.values()].reduce((a, b) => a + b, 0));
  return {
    region: region.code,
    regionName: region.name,
    year: p.year,
    semester: p.semester,
    from: p.from,
    to: p.to,
    respondents: all.r.respondents,
    ikm: all.r.ikm,
    mutu: all.r.mutu,
    kinerja: all.r.kinerja,
    unsur: all.r.unsur.map((u, i) => ({ key: u.key, name: SKM_UNSUR[i]!.name.id, nameEn: SKM_UNSUR[i]!.name.en, nrr: u.nrr })),
    sample: all.sample,
    agencies: agencies.map((a) => {
      const c = core(byAgency.get(a.id) ?? emptyTally(), pop.get(a.id) ?? 0);
      return { agencyId: a.id, name: a.name, respondents: c.r.respondents, ikm: c.r.ikm, mutu: c.r.mutu, sample: c.sample };
    }),
  };
}

/** Survey comments for officers, newest first (text only; nothing identifies who wrote them). */
export async function surveyComments(db: Kysely<Database>, scope: { region: string | null; agencyId: string | null }, p: Period | null, limit: number) {
  let q = db.selectFrom("surveys").select(["id", "day", "agency_id", "service_id", "comment", ...U]).where("comment", "is not", null);
  if (scope.region) q = q.where("region_code", "=", scope.region);
  if (scope.agencyId) q = q.where("agency_id", "=", scope.agencyId);
  if (p) q = q.where("day", ">=", p.from).where("day", "<=", p.to);
  const rows = await q.orderBy("day", "desc").orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({ day: r.day, agencyId: r.agency_id, serviceId: r.service_id, text: r.comment!, answers: U.map((u) => r[u]) }));
}

const EXPORT_HEADER = ["day", "region", "agency", "service", "visit", ...U.map((u) => u.toUpperCase()), "comment"];

/**
 * The anonymous answers of a scope and period as CSV (UTF-8 with BOM, CRLF), one row per respondent
 * with the nine answers in questionnaire order: what an SKM report is computed from. Comments are
 * text: a comment that starts like a formula is written with a leading apostrophe.
 */
export async function surveysCsv(db: Kysely<Database>, scope: { region: string | null; agencyId: string | null }, p: Period): Promise<string> {
  let q = db.selectFrom("surveys").select(["day", "region_code", "agency_id", "service_id", "visit_kind", "comment", ...U])
    .where("day", ">=", p.from).where("day", "<=", p.to);
  if (scope.region) q = q.where("region_code", "=", scope.region);
  if (scope.agencyId) q = q.where("agency_id", "=", scope.agencyId);
  const rows = await q.orderBy("day").orderBy("id").execute();
  const data = rows.map((r) => [r.day, r.region_code, r.agency_id, r.service_id ?? "", r.visit_kind, ...U.map((u) => String(r[u])), r.comment ?? ""].map(neutralizeCell));
  return `\ufeff${Papa.unparse({ fields: EXPORT_HEADER, data }, { newline: "\r\n" })}\r\n`;
}
