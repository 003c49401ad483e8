// The fields of a service record an officer edits, declared once (TypeBox): the draft API's body,
// the workspace form, the import template and the export all use this list. One normaliser and one
// checker serve the API and the import, so a value refused in the form is refused in a file too.
import { Type, type Static } from "@sinclair/typebox";
import { hasForbiddenText } from "./text";
import { STANDARD_FIELDS, type StandardFields } from "./standard";
import { COMPLAINT_CHANNEL_KINDS, Nullable, OneOf, type ComplaintChannel, type Service } from "../types";

export const LIMITS = {
  name: 300,
  text: 2000,
  short: 300,
  keywords: 500,
  listItems: 40,
  channels: 10,
  url: 500,
  feeMax: 1_000_000_000,
} as const;

const Short = (description?: string) => Type.String({ maxLength: LIMITS.short, ...(description ? { description } : {}) });
const Long = (description?: string) => Type.String({ maxLength: LIMITS.text, ...(description ? { description } : {}) });
const List = (description: string) => Type.Array(Long(), { maxItems: LIMITS.listItems, description });
const IsoDate = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$", description: "YYYY-MM-DD" });

export const StandardSchema = Type.Object(
  Object.fromEntries(STANDARD_FIELDS.map((f) => [f, Nullable(Long())])) as Record<(typeof STANDARD_FIELDS)[number], ReturnType<typeof Nullable<ReturnType<typeof Long>>>>,
  { additionalProperties: false, description: "Standar Pelayanan components kept beside the record (PermenPANRB 15/2014)" },
);

export const EditableFeeSchema = Type.Object({
  amount: Nullable(Type.Integer({ minimum: 0, maximum: LIMITS.feeMax }), { description: "Rupiah; 0 free; null unknown (needs a source when set)" }),
  note: Nullable(Long()),
}, { additionalProperties: false });

export const EditableChannelSchema = Type.Object({
  kind: OneOf(COMPLAINT_CHANNEL_KINDS),
  label: Short(),
  value: Nullable(Short()),
}, { additionalProperties: false });

const editableFields = {
  name: Type.String({ minLength: 1, maxLength: LIMITS.name }),
  nameEn: Type.String({ maxLength: LIMITS.name, description: "English name; empty when not translated yet" }),
  description: Long(),
  keywords: Type.String({ maxLength: LIMITS.keywords, description: "Search words separated by spaces" }),
  requirements: List("Persyaratan, one item each"),
  steps: List("Sistem, mekanisme dan prosedur, in order"),
  fee: EditableFeeSchema,
  duration: Nullable(Short(), { description: "Jangka waktu penyelesaian in words" }),
  hours: Nullable(Short(), { description: "Jam layanan in words" }),
  legalBasis: List("Dasar hukum"),
  product: Nullable(Short(), { description: "Produk pelayanan" }),
  complaintChannels: Type.Array(EditableChannelSchema, { maxItems: LIMITS.channels }),
  onlineUrl: Nullable(Type.String({ maxLength: LIMITS.url }), { description: "https:// address of the online service" }),
  source: Nullable(Long(), { description: "Where the facts come from: URL, or No. SK / Perda / PP" }),
  standard: StandardSchema,
};

/** A whole editable record (what a draft holds). */
export const EditableServiceSchema = Type.Object(editableFields, { additionalProperties: false });
export type EditableService = Static<typeof EditableServiceSchema>;
/** The draft API's body: any subset, merged over the open draft or the published record. */
export const EditableServicePatchSchema = Type.Partial(Type.Object(editableFields, { additionalProperties: false }), { additionalProperties: false });
export type EditableServicePatch = Static<typeof EditableServicePatchSchema>;

/** "I checked these facts against this source": makes the published record verified, dated today. */
export const VerificationClaimSchema = Type.Object({
  source: Type.String({ minLength: 3, maxLength: LIMITS.text, description: "URL, or No. SK / Perda / PP with article" }),
  sourceDate: { ...IsoDate, description: "The source's own date (YYYY-MM-DD)" },
}, { additionalProperties: false });
export type VerificationClaim = Static<typeof VerificationClaimSchema>;

export const EDITABLE_SERVICE_FIELDS = Object.keys(editableFields) as Array<keyof EditableService>;
/** Fields that state facts: changing one without a verification claim makes the record unverified. */
export const FACT_FIELDS = ["fee", "requirements", "steps", "duration", "hours", "legalBasis", "product"] as const satisfies ReadonlyArray<keyof EditableService>;

export interface FieldError {
  field: string;
  message: string;
}

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** The editable part of a published record. */
export function editableOf(service: Pick<Service, Exclude<keyof EditableService, "keywords" | "standard">>, extra: { keywords: string; standard: StandardFields }): EditableService {
  return {
    name: service.name,
    nameEn: service.nameEn,
    description: service.description,
    keywords: extra.keywords,
    requirements: [...service.requirements],
    steps: [...service.steps],
    fee: { amount: service.fee.amount, note: service.fee.note },
    duration: service.duration,
    hours: service.hours,
    legalBasis: [...service.legalBasis],
    product: service.product,
    complaintChannels: service.complaintChannels.map((c: ComplaintChannel) => ({ kind: c.kind, label: c.label, value: c.value })),
    onlineUrl: service.onlineUrl,
    source: service.source,
    standard: { ...extra.standard },
  };
}

const orNull = (v: string | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  return t === "" ? null : t;
};
/** List items trimmed; a leading "- " or "• " bullet dropped; empty items removed. */
export function cleanList(items: readonly string[]): string[] {
  return items.map((s) => s.trim().replace(/^(?:[-•]\s+)/u, "").trim()).filter((s) => s !== "");
}

/** Trims every text, turns empty optional texts into null and drops empty list items. */
export function normalizeService(s: EditableService): EditableService {
  return {
    name: s.name.trim(),
    nameEn: s.nameEn.trim(),
    description: s.description.trim(),
    keywords: s.keywords.trim().replace(/\s+/g, " "),
    requirements: cleanList(s.requirements),
    steps: cleanList(s.steps),
    fee: { amount: s.fee.amount, note: orNull(s.fee.note) },
    duration: orNull(s.duration),
    hours: orNull(s.hours),
    legalBasis: cleanList(s.legalBasis),
    product: orNull(s.product),
    complaintChannels: s.complaintChannels.map((c) => ({ kind: c.kind, label: c.label.trim(), value: orNull(c.value) })),
    onlineUrl: orNull(s.onlineUrl),
    source: orNull(s.source),
    standard: Object.fromEntries(STANDARD_FIELDS.map((f) => [f, orNull(s.standard[f])])) as StandardFields,
  };
}

/** Fields whose text may span lines; every other text is one line. */
const MULTILINE = new Set(["description", "fee.note", ...STANDARD_FIELDS.map((f) => `standard.${f}`)]);

function texts(s: EditableService): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ["name", s.name], ["nameEn", s.nameEn], ["description", s.description], ["keywords", s.keywords],
    ...s.requirements.map((v, i): [string, string] => [`requirements[${i}]`, v]),
    ...s.steps.map((v, i): [string, string] => [`steps[${i}]`, v]),
    ...s.legalBasis.map((v, i): [string, string] => [`legalBasis[${i}]`, v]),
    ...s.complaintChannels.flatMap((c, i): Array<[string, string]> => [[`complaintChannels[${i}].label`, c.label], [`complaintChannels[${i}].value`, c.value ?? ""]]),
  ];
  for (const [k, v] of [["fee.note", s.fee.note], ["duration", s.duration], ["hours", s.hours], ["product", s.product],
    ["onlineUrl", s.onlineUrl], ["source", s.source]] as const) if (v !== null) out.push([k, v]);
  for (const f of STANDARD_FIELDS) if (s.standard[f] !== null) out.push([`standard.${f}`, s.standard[f]!]);
  return out;
}

/**
 * The rules a schema cannot say, on a normalised record: readable text only (no control or
 * invisible formatting characters), https links, a name, and a fee amount only with a source
 * (an unknown fee is null, never 0; see data/catalog/README.md, honesty rule 1).
 */
export function checkService(s: EditableService): FieldError[] {
  const errors: FieldError[] = checkLimits(s);
  if (s.name === "") errors.push({ field: "name", message: "A service needs a name." });
  for (const [field, value] of texts(s)) {
    if (hasForbiddenText(value, MULTILINE.has(field))) {
      errors.push({ field, message: "Contains control characters or invisible formatting characters." });
    }
  }
  if (s.onlineUrl !== null && !isHttpsUrl(s.onlineUrl)) errors.push({ field: "onlineUrl", message: "An online service address must start with https://." });
  if (s.fee.amount !== null && s.source === null) {
    errors.push({ field: "fee.amount", message: "A fee amount needs a source (URL, or No. SK / Perda / PP); an unknown fee stays empty." });
  }
  for (const [i, c] of s.complaintChannels.entries()) {
    if (c.label === "") errors.push({ field: `complaintChannels[${i}].label`, message: "A complaint channel needs a label." });
    if (c.kind !== "counter" && c.value === null) errors.push({ field: `complaintChannels[${i}].value`, message: "Only the counter channel may have no address or number." });
  }
  return errors;
}

/**
 * The schema's limits, checked here too: the import builds records from cells, not through the
 * API's validator (and TypeBox's Value cannot read the Unsafe enum/nullable helpers of types.ts).
 */
export function checkLimits(s: EditableService): FieldError[] {
  const errors: FieldError[] = [];
  const max = (field: string, value: string | null, limit: number) => {
    if (value !== null && [...value].length > limit) errors.push({ field, message: `At most ${limit} characters (${[...value].length} given).` });
  };
  const list = (field: string, items: readonly string[]) => {
    if (items.length > LIMITS.listItems) errors.push({ field, message: `At most ${LIMITS.listItems} items (${items.length} given).` });
    items.forEach((v, i) => max(`${field}[${i}]`, v, LIMITS.text));
  };
  max("name", s.name, LIMITS.name);
  max("nameEn", s.nameEn, LIMITS.name);
  max("description", s.description, LIMITS.text);
  max("keywords", s.keywords, LIMITS.keywords);
  list("requirements", s.requirements);
  list("steps", s.steps);
  list("legalBasis", s.legalBasis);
  max("fee.note", s.fee.note, LIMITS.text);
  if (s.fee.amount !== null && (!Number.isSafeInteger(s.fee.amount) || s.fee.amount < 0 || s.fee.amount > LIMITS.feeMax)) {
    errors.push({ field: "fee.amount", message: `A fee is a whole number of rupiah from 0 to ${LIMITS.feeMax}.` });
  }
  for (const [k, v] of [["duration", s.duration], ["hours", s.hours], ["product", s.product]] as const) max(k, v, LIMITS.short);
  max("onlineUrl", s.onlineUrl, LIMITS.url);
  max("source", s.source, LIMITS.text);
  if (s.complaintChannels.length > LIMITS.channels) errors.push({ field: "complaintChannels", message: `At most ${LIMITS.channels} channels.` });
  s.complaintChannels.forEach((c, i) => { max(`complaintChannels[${i}].label`, c.label, LIMITS.short); max(`complaintChannels[${i}].value`, c.value, LIMITS.short); });
  for (const f of STANDARD_FIELDS) max(`standard.${f}`, s.standard[f], LIMITS.text);
  return errors;
}

/** Checks a verification claim: a readable source and a date that is not in the future. */
export function checkClaim(claim: VerificationClaim, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (hasForbiddenText(claim.source, false)) errors.push({ field: "verification.source", message: "Contains control characters or invisible formatting characters." });
  if (claim.source.trim().length < 3) errors.push({ field: "verification.source", message: "Name the source: a URL, or No. SK / Perda / PP." });
  if (!isIsoDate(claim.sourceDate)) errors.push({ field: "verification.sourceDate", message: "The source's date must be a real date, YYYY-MM-DD." });
  else if (claim.sourceDate > today) errors.push({ field: "verification.sourceDate", message: "The source's date cannot be in the future." });
  return errors;
}

export function isHttpsUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "https:" && u.hostname.includes(".") && !u.username && !u.password;
  } catch {
    return false;
  }
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The source line a verification writes: "citation (YYYY-MM-DD)", as the catalog formats sources. */
export function sourceLine(claim: VerificationClaim): string {
  return `${claim.source.trim()} (${claim.sourceDate})`;
}

/** Field-by-field differences; fee and standard are compared per member ("fee.amount"). */
export function diffService(before: EditableService | null, after: EditableService): Change[] {
  const flat = (s: EditableService | null): Array<[string, unknown]> => EDITABLE_SERVICE_FIELDS.flatMap((k): Array<[string, unknown]> => {
    if (k === "fee") return [["fee.amount", s?.fee.amount ?? null], ["fee.note", s?.fee.note ?? null]];
    if (k === "standard") return STANDARD_FIELDS.map((f): [string, unknown] => [`standard.${f}`, s?.standard[f] ?? null]);
    return [[k, s === null ? null : s[k]]];
  });
  return diffPairs(flat(before), flat(after));
}

/** Changes between two lists of [field, value] in the same order (values compared as JSON). */
export function diffPairs(before: ReadonlyArray<[string, unknown]>, after: ReadonlyArray<[string, unknown]>): Change[] {
  const old = new Map(before);
  const changes: Change[] = [];
  for (const [field, value] of after) {
    const was = old.has(field) ? old.get(field) : null;
    if (JSON.stringify(was) !== JSON.stringify(value)) changes.push({ field, before: was ?? null, after: value ?? null });
  }
  return changes;
}

/** True when any change touches a fact field (fee.amount counts as fee). */
export function changesFacts(changes: readonly Change[]): boolean {
  return changes.some((c) => (FACT_FIELDS as readonly string[]).includes(c.field.split(".")[0]!));
}
