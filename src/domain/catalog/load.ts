// Reads catalog files (schema.ts) and enforces what the shape alone cannot: the honesty rules
// and the references between records. Every problem is reported with the file, the record and
// the field ("data/catalog/imigrasi.json: services[0] (paspor-biasa).fee.amount: ..."), and all
// problems of a file are reported together, so one run of the seed shows an editor everything.
import type { TSchema } from "@sinclair/typebox";
import { Value, type ValueError } from "@sinclair/typebox/value";
import {
  CatalogFileSchema, CITABLE_FIELDS, REGION_PLACEHOLDERS,
  type CatalogFile, type CatalogServiceRecord, type CatalogSource,
} from "./schema";

export class CatalogError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n  ${problems.join("\n  ")}`);
    this.name = "CatalogError";
  }
}

/** One validated catalog file, with the file name it came from. */
export interface AgencyCatalog extends CatalogFile {
  file: string;
}

/** "services/3/fee/amount" -> "services[3] (paspor-biasa).fee.amount", naming the record by its slug. */
export function describePath(pointer: string, data: unknown): string {
  const parts = pointer.split("/").filter((p) => p !== "").map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
  let out = "";
  let node: unknown = data;
  for (const part of parts) {
    const isIndex = Array.isArray(node) && /^\d+$/.test(part);
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    if (isIndex) {
      const slug = node !== null && typeof node === "object" ? (node as Record<string, unknown>).slug ?? (node as Record<string, unknown>).id : undefined;
      out += `[${part}]${typeof slug === "string" ? ` (${slug})` : ""}`;
    } else {
      out += out === "" ? part : `.${part}`;
    }
  }
  return out === "" ? "(file)" : out;
}

/**
 * A union ("an array or null") reports only "Expected union value" at its own path; the branch
 * that went deepest into the value says what is actually wrong, so report that one.
 */
function deepest(e: ValueError): ValueError {
  let best = e;
  for (const branch of e.errors ?? []) {
    const first = branch.First();
    if (first && first.path.length > best.path.length) best = deepest(first);
  }
  return best;
}

/** Every shape problem of `data` against `schema`, one per field, named by path and record slug. */
export function schemaProblems(schema: TSchema, data: unknown): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const error of Value.Errors(schema, data)) {
    const e = deepest(error);
    const where = describePath(e.path, data);
    // A union reports each failed branch; the first message per field is the useful one.
    if (seen.has(where)) continue;
    seen.add(where);
    problems.push(`${where}: ${e.message}${e.value === undefined ? "" : `, got ${JSON.stringify(e.value)?.slice(0, 80)}`}`);
    if (problems.length >= 50) break;
  }
  return problems;
}

const PLACEHOLDER = /\{[^}]*\}/g;

function placeholderProblems(where: string, text: string): string[] {
  const bad = (text.match(PLACEHOLDER) ?? []).filter((p) => !(REGION_PLACEHOLDERS as readonly string[]).includes(p));
  return bad.map((p) => `${where}: unknown placeholder ${p} (allowed: ${REGION_PLACEHOLDERS.join(", ")})`);
}

/** The honesty rules of one service record (README "Data honesty"; data/catalog/README.md). */
export function serviceHonestyProblems(s: CatalogServiceRecord, sources: ReadonlyMap<string, CatalogSource>, where: string): string[] {
  const p: string[] = [];
  for (const field of CITABLE_FIELDS) {
    for (const id of s.citations[field] ?? []) {
      if (!sources.has(id)) p.push(`${where}.citations.${field}: cites unknown source "${id}"`);
    }
  }
  if (s.fee.amount !== null && s.citations.fee === undefined) {
    p.push(`${where}.fee.amount: ${s.fee.amount === 0 ? "free (0)" : "an amount"} needs a source in citations.fee; an unknown fee is null`);
  }
  if (s.duration !== null && s.citations.duration === undefined) p.push(`${where}.duration: needs a source in citations.duration, or null`);
  if (s.hours !== null && s.citations.hours === undefined) p.push(`${where}.hours: needs a source in citations.hours, or null`);
  if (s.verified) {
    if (s.checked === null) p.push(`${where}.checked: a verified record needs the date it was checked`);
    // Each of fee and requirements rests on at least one dated source; undated ones may add to it.
    for (const field of ["fee", "requirements"] as const) {
      const ids = s.citations[field];
      if (ids === undefined) p.push(`${where}.citations.${field}: a verified record needs a source for ${field}`);
      else if (!ids.some((id) => sources.get(id)?.date)) {
        p.push(`${where}.citations.${field}: a verified record needs a dated source for ${field}; ${ids.map((id) => `"${id}"`).join(", ")} has no date`);
      }
    }
  } else if (s.checked !== null) {
    p.push(`${where}.checked: an unverified record has no check date (set verified, or checked to null)`);
  }
  p.push(...placeholderProblems(`${where}.description`, s.description));
  for (const key of ["name", "nameEn"] as const) {
    if ((s[key].match(PLACEHOLDER) ?? []).length > 0) p.push(`${where}.${key}: placeholders are allowed in the description only`);
  }
  return p;
}

/** Parses and checks one catalog file's text. Throws CatalogError with every problem found. */
export function parseCatalogFile(text: string, file: string): AgencyCatalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CatalogError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  const shape = schemaProblems(CatalogFileSchema, data);
  if (shape.length > 0) throw new CatalogError(file, shape);
  const cat = data as CatalogFile;
  const p: string[] = [];
  const sources = new Map<string, CatalogSource>();
  cat.sources.forEach((s, i) => {
    if (sources.has(s.id)) p.push(`sources[${i}] (${s.id}).id: duplicate source id`);
    sources.set(s.id, s);
  });
  const cited = new Set<string>();
  const slugs = new Set<string>();
  cat.services.forEach((s, i) => {
    const where = `services[${i}] (${s.slug})`;
    if (slugs.has(s.slug)) p.push(`${where}.slug: duplicate service slug`);
    slugs.add(s.slug);
    for (const ids of Object.values(s.citations)) for (const id of ids) cited.add(id);
    p.push(...serviceHonestyProblems(s, sources, where));
  });
  cat.agency.complaintChannels.forEach((c, i) => {
    cited.add(c.source);
    if (!sources.has(c.source)) p.push(`agency.complaintChannels[${i}].source: cites unknown source "${c.source}"`);
    if (c.kind !== "counter" && c.value === null) p.push(`agency.complaintChannels[${i}].value: only a "counter" channel has no value`);
  });
  cat.sources.forEach((s, i) => {
    if (!cited.has(s.id)) p.push(`sources[${i}] (${s.id}): never cited; remove it or cite it`);
  });
  const base = file.split(/[\\/]/).pop() ?? file;
  if (base !== `${cat.agency.slug}.json`) p.push(`agency.slug: "${cat.agency.slug}" must match the file name (${base})`);
  for (const key of ["name", "nameEn"] as const) p.push(...placeholderProblems(`agency.${key}`, cat.agency[key]));
  if (p.length > 0) throw new CatalogError(file, p);
  return { file, ...cat };
}

/** Checks what spans files: unique agency slugs and orders. Returns the catalogs in counter order. */
export function checkCatalog(catalogs: readonly AgencyCatalog[]): AgencyCatalog[] {
  const bySlug = new Map<string, string>();
  const byOrder = new Map<number, string>();
  const p: string[] = [];
  for (const c of catalogs) {
    const a = c.agency;
    if (bySlug.has(a.slug)) p.push(`${c.file}: agency slug "${a.slug}" also in ${bySlug.get(a.slug)}`);
    if (byOrder.has(a.order)) p.push(`${c.file}: agency.order ${a.order} also in ${byOrder.get(a.order)}`);
    bySlug.set(a.slug, c.file);
    byOrder.set(a.order, c.file);
  }
  if (catalogs.length === 0) p.push("no catalog files");
  if (p.length > 0) throw new CatalogError("catalog", p);
  return [...catalogs].sort((x, y) => x.agency.order - y.agency.order);
}
