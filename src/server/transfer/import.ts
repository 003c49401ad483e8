// An import, in two steps. plan(): reads every row of a sheet into a service record, checks it with
// the same rules as the workspace form (schema limits, readable text, a fee only with a source, a
// verification only with a dated source), the officer's scope, and that no draft of the record is
// open; answers a per-record diff against what is published and a per-row error list. commit():
// only for a plan without errors, writes every changed row as a draft (never published) in ONE
// transaction, so a failure midway writes nothing; each draft is one audit row.
import { formatAgencyId, formatServiceId, isRegionCode, isSlug } from "../../domain/ids";
import { can, type Officer } from "../../domain/admin/roles";
import {
  changesFacts, checkClaim, checkService, cleanList, diffService, isIsoDate, normalizeService,
  type Change, type EditableService, type VerificationClaim,
} from "../../domain/admin/service-fields";
import { emptyStandard, STANDARD_FIELDS } from "../../domain/admin/standard";
import type { Db } from "../db/open";
import { createDraftTx, hasOpenDraft, saveDraftTx, type Actor, type WorkflowContext } from "../admin/drafts";
import { loadService, serviceKind } from "../admin/kinds/service";
import { looksLikeFormula, unneutralize } from "./cells";
import { MAX_ERRORS, type ImportError, type SheetData } from "./sheet";
import { columnOf, COLUMNS, parseChannels, REQUIRED_COLUMNS, type ColumnKey } from "./template";

export interface PlannedRow {
  row: number;
  id: string;
  action: "new" | "edit" | "unchanged";
  changes: Change[];
  fields: EditableService;
  claim: VerificationClaim | null;
  changeNote: string | null;
  newRecord: { regionCode: string; agencySlug: string } | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: ImportError[];
}

const YES = new Set(["ya", "y", "yes", "true", "1", "benar"]);
const NO = new Set(["", "tidak", "t", "no", "false", "0", "belum"]);

const headerOf = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

function blank(): EditableService {
  return {
    name: "", nameEn: "", description: "", keywords: "", requirements: [], steps: [], fee: { amount: null, note: null },
    duration: null, hours: null, legalBasis: [], product: null, complaintChannels: [], onlineUrl: null, source: null, standard: emptyStandard(),
  };
}

/** "350000", "350.000", "Rp 350.000" -> 350000; "" -> null; anything else -> undefined (an error). */
export function parseRupiah(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(?:rp\.?\s*)?(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)$/i.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/[.,]/g, ""));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The column a field path of checkService / the schema belongs to ("requirements[2]" -> Persyaratan). */
function columnOfField(field: string): string {
  const key = field.replace(/^\//, "").replace(/\//g, ".").replace(/\[\d+\].*$/, "").replace(/\.\d+.*$/, "");
  const direct = COLUMNS.find((c) => c.key === key);
  if (direct) return direct.header;
  const first = key.split(".")[0]!;
  return COLUMNS.find((c) => c.key === first || c.key.startsWith(`${first}.`))?.header ?? field;
}

export async function planImport(db: Db, officer: Officer, sheet: SheetData, today: string): Promise<ImportPlan> {
  const errors: ImportError[] = [...sheet.errors];
  const at = new Map<ColumnKey, number>();
  sheet.header.forEach((h, i) => {
    const text = h.trim();
    if (text === "") return;
    const col = columnOf(text);
    if (!col) errors.push({ row: 1, column: text, message: `Unknown column "${text}": use the template's headers (GET /api/v1/admin/export?template=true).` });
    else if (at.has(col.key)) errors.push({ row: 1, column: text, message: `The column "${col.header}" appears twice.` });
    else at.set(col.key, i);
  });
  for (const key of REQUIRED_COLUMNS) {
    if (!at.has(key)) errors.push({ row: 1, column: headerOf(key), message: `The column "${headerOf(key)}" is missing.` });
  }
  if (errors.some((e) => e.row <= 1)) return { rows: [], errors: capped(errors) };

  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    if (errors.length > MAX_ERRORS) break;
    const rowErrors: ImportError[] = [];
    const fail = (key: ColumnKey | string, message: string) => rowErrors.push({ row, column: (COLUMNS.find((c) => c.key === key)?.header) ?? key, message });
    const get = (key: ColumnKey): string | undefined => {
      const i = at.get(key);
      if (i === undefined) return undefined;
      const raw = unneutralize(cells[i] ?? "");
      if (looksLikeFormula(raw)) {
        fail(key, "Begins like a formula (=, +, -, @): type the value itself, or start it with an apostrophe.");
        return "";
      }
      return raw;
    };

    let id = (get("id") ?? "").trim();
    const regionCode = (get("regionCode") ?? "").trim();
    const agencySlug = (get("agencySlug") ?? "").trim();
    const slug = (get("slug") ?? "").trim();
    let fields: EditableService;
    let newRecord: PlannedRow["newRecord"] = null;
    let published: EditableService | null = null;
    let publishedCheck: { verified: boolean; sourceDate: string | null } | null = null;
    let scope: { region: string; agency: string } | null = null;
    if (id !== "") {
      const rec = await loadService(db.kysely, id);
      if (!rec) { fail("id", `No service ${id}: leave the ID empty for a new service.`); errors.push(...rowErrors); continue; }
      const x = rec.extra;
      if ((regionCode && regionCode !== x.regionCode) || (agencySlug && agencySlug !== x.agencySlug) || (slug && slug !== x.slug)) {
        fail("id", `The ID ${id} and the columns Kode Wilayah / Instansi / Slug Layanan disagree (${x.regionCode} / ${x.agencySlug} / ${x.slug}).`);
      }
      fields = rec.fields;
      published = rec.fields;
      publishedCheck = { verified: x.verified, sourceDate: x.sourceDate };
      scope = { region: x.regionCode, agency: x.agencySlug };
    } else {
      if (!isRegionCode(regionCode)) fail("regionCode", "A new service needs the four-digit region code.");
      if (!isSlug(agencySlug)) fail("agencySlug", "A new service needs the agency's slug.");
      if (!isSlug(slug)) fail("slug", "A new service needs a slug: lower-case letters, digits and hyphens.");
      if (rowErrors.length === 0) {
        const agency = await db.kysely.selectFrom("agencies").select("id").where("id", "=", formatAgencyId(regionCode, agencySlug)).executeTakeFirst();
        if (!agency) fail("agencySlug", `No agency ${agencySlug} in region ${regionCode}.`);
        else {
          id = formatServiceId({ regionCode, agencySlug, serviceSlug: slug });
          if (await loadService(db.kysely, id)) fail("id", `The service ${id} exists: put its ID in the first column to change it.`);
          newRecord = { regionCode, agencySlug };
          scope = { region: regionCode, agency: agencySlug };
        }
      }
      fields = blank();
    }
    if (scope && !can(officer, "service.draft", scope)) fail("id", `Outside your account's scope (${officer.role}${officer.region ? ` ${officer.region}` : ""}${officer.agency ? ` ${officer.agency}` : ""}).`);
    if (id && seen.has(id)) fail("id", `The same service is also on row ${seen.get(id)}.`);
    if (id) seen.set(id, row);
    if (id && rowErrors.length === 0) {
      const open = await hasOpenDraft(db, "service", id);
      if (open) fail("id", `This service has an open draft (${open === "in_review" ? "in review" : "draft"}): finish it in the workspace first.`);
    }

    const next: EditableService = { ...fields, fee: { ...fields.fee }, standard: { ...fields.standard } };
    const text = (key: ColumnKey, set: (v: string) => void) => { const v = get(key); if (v !== undefined) set(v); };
    const nullable = (v: string) => (v.trim() === "" ? null : v);
    const lines = (v: string) => cleanList(v.split(/\r?\n/));
    text("name", (v) => { next.name = v; });
    text("nameEn", (v) => { next.nameEn = v; });
    text("description", (v) => { next.description = v; });
    text("keywords", (v) => { next.keywords = v; });
    text("requirements", (v) => { next.requirements = lines(v); });
    text("steps", (v) => { next.steps = lines(v); });
    text("legalBasis", (v) => { next.legalBasis = lines(v); });
    text("duration", (v) => { next.duration = nullable(v); });
    text("hours", (v) => { next.hours = nullable(v); });
    text("product", (v) => { next.product = nullable(v); });
    text("onlineUrl", (v) => { next.onlineUrl = nullable(v); });
    text("source", (v) => { next.source = nullable(v); });
    text("fee.note", (v) => { next.fee.note = nullable(v); });
    text("fee.amount", (v) => {
      const n = parseRupiah(v);
      if (n === undefined) fail("fee.amount", `"${v.slice(0, 40)}" is not a rupiah amount: digits only (350000), 0 for free, empty when not known.`);
      else next.fee.amount = n;
    });
    text("complaintChannels", (v) => {
      const { channels, error } = parseChannels(v);
      if (error) fail("complaintChannels", error);
      else next.complaintChannels = channels;
    });
    for (const f of STANDARD_FIELDS) text(`standard.${f}`, (v) => { next.standard[f] = nullable(v); });
    const verifiedText = (get("verified") ?? "").trim().toLowerCase();
    const sourceDate = (get("sourceDate") ?? "").trim();
    let claim: VerificationClaim | null = null;
    // "ya" on a row that states what is published and verified already (an export edited elsewhere)
    // is no new check; a new check, or "ya" with changed facts, needs the source and its date.
    const stillVerified = publishedCheck?.verified === true && published !== null && (sourceDate === "" || sourceDate === publishedCheck.sourceDate)
      && !changesFacts(diffService(published, normalizeService(next))) && normalizeService(next).source === published.source;
    if (YES.has(verifiedText) && !stillVerified) {
      if (!next.source || !sourceDate) fail("verified", "Checked against a source needs both Sumber and Tanggal Sumber.");
      else claim = { source: next.source, sourceDate };
    } else if (YES.has(verifiedText)) {
      // unchanged and verified: nothing to claim
    } else if (!NO.has(verifiedText)) {
      fail("verified", `Write "ya" or "tidak", not "${verifiedText.slice(0, 20)}".`);
    }
    if (sourceDate && !isIsoDate(sourceDate)) fail("sourceDate", `"${sourceDate.slice(0, 20)}" is not a date: write YYYY-MM-DD.`);
    const changeNote = (get("changeNote") ?? "").trim() || null;

    const normalized = normalizeService(next);
    for (const e of checkService(normalized)) fail(columnOfField(e.field), e.message);
    if (claim) for (const e of checkClaim(claim, today)) fail(e.field === "verification.sourceDate" ? "sourceDate" : "source", e.message);
    if (changeNote && changeNote.length > 1000) fail("changeNote", "At most 1000 characters.");

    errors.push(...rowErrors);
    if (rowErrors.length > 0) continue;
    const changes = diffService(published, normalized);
    if (claim) changes.push({ field: "verification", before: null, after: claim });
    rows.push({
      row, id, action: newRecord ? "new" : changes.length === 0 ? "unchanged" : "edit", changes, fields: normalized, claim, changeNote, newRecord,
    });
  }
  return { rows, errors: capped(errors) };
}

function capped(errors: ImportError[]): ImportError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), { row: 0, column: null, message: `... and ${errors.length - MAX_ERRORS} more errors.` }];
}

/** Writes the plan's changed rows as drafts in one transaction; returns how many. */
export async function commitImport(ctx: WorkflowContext, plan: ImportPlan, actor: Actor, note: string): Promise<number> {
  if (plan.errors.length > 0) throw new Error("import: a plan with errors is never committed");
  const todo = plan.rows.filter((r) => r.action !== "unchanged");
  if (todo.length === 0) return 0;
  await ctx.db.transaction(async (trx) => {
    for (const r of todo) {
      const why = r.changeNote ?? note;
      if (r.newRecord) {
        await createDraftTx(trx, ctx, serviceKind, r.id, r.fields, { region: r.newRecord.regionCode, agency: r.newRecord.agencySlug }, why, actor, r.claim);
      } else {
        await saveDraftTx(trx, ctx, serviceKind, r.id, r.fields, why, actor, r.claim);
      }
    }
  });
  return todo.length;
}
