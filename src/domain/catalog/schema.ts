// The catalog file format, declared once: one JSON file per agency under data/catalog/
// (data/catalog/README.md documents it for people; the officers' import and export read and
// write exactly this). The shape is checked here; the honesty rules a shape cannot say (a
// verified record needs dated sources, a figure needs a source) are checked by load.ts.
import { Type, type Static } from "@sinclair/typebox";
import type { AgencyLevel, ComplaintChannelKind } from "../types";

/** Bumped when a change of the format would make old files mean something else. */
export const CATALOG_FORMAT_VERSION = 1;

/** Placeholders a name or description may contain; the seed fills them per region. */
export const REGION_PLACEHOLDERS = ["{region}", "{place}", "{regionEn}"] as const;

export const AGENCY_LEVELS = ["nasional", "provinsi", "daerah", "bumn", "bumd"] as const;
export const COMPLAINT_CHANNEL_KINDS = ["lapor", "email", "phone", "whatsapp", "web", "counter"] as const;
/** The fields of a service record that state facts and so may (or must) name their source. */
export const CITABLE_FIELDS = ["fee", "requirements", "steps", "duration", "hours", "legalBasis", "product"] as const;

// Both ways assignable: these lists and the unions of types.ts cannot drift apart unnoticed.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const levelsMatch: Same<(typeof AGENCY_LEVELS)[number], AgencyLevel> = true;
const kindsMatch: Same<(typeof COMPLAINT_CHANNEL_KINDS)[number], ComplaintChannelKind> = true;
void levelsMatch;
void kindsMatch;

const Text = Type.String({ minLength: 1, maxLength: 2000 });
const ShortText = Type.String({ minLength: 1, maxLength: 300 });
const Slug = Type.String({ pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", maxLength: 60 });
const IsoDate = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" });
const HttpsUrl = Type.String({ pattern: "^https://[a-z0-9.-]+\\.[a-z]{2,}(/[^\\s]*)?$", maxLength: 500 });
const Keywords = Type.Array(ShortText, { maxItems: 40 });

/** A public source: a regulation (number and article) or a page, with the source's own date. */
export const SourceSchema = Type.Object({
  /** Short key the records cite, unique in its file, e.g. "pp-28-2019". */
  id: Slug,
  /** What it is, precisely enough to find it again: "PP 28/2019, Lampiran huruf A angka 1". */
  citation: Text,
  /** Where it is published; null for a regulation cited by number only. Never a guessed URL. */
  url: Type.Union([HttpsUrl, Type.Null()]),
  /** The source's own date (enactment, publication, "per" date of a sheet); null when it has none. */
  date: Type.Union([IsoDate, Type.Null()]),
  /** What it says that the records rest on, for the reviewer; not shown to citizens. */
  note: Type.Union([Text, Type.Null()]),
}, { additionalProperties: false });

export const FeeSchema = Type.Object({
  /** Rupiah, integer; 0 only when a cited source says the service is free; null when not known. */
  amount: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]),
  note: Type.Union([Text, Type.Null()]),
}, { additionalProperties: false });

export const ComplaintChannelSchema = Type.Object({
  kind: Type.Union(COMPLAINT_CHANNEL_KINDS.map((k) => Type.Literal(k))),
  label: ShortText,
  value: Type.Union([ShortText, Type.Null()]),
  /** Id of the source that gives this channel. */
  source: Slug,
}, { additionalProperties: false });

/** The ids of the sources a field rests on, most authoritative first. */
const SourceIds = Type.Array(Slug, { minItems: 1, maxItems: 6, uniqueItems: true });

/** Which sources (by id) state which field: { "fee": ["pp-45-2024"], "requirements": ["sp-imigrasi"] }. */
export const CitationsSchema = Type.Partial(Type.Object(
  Object.fromEntries(CITABLE_FIELDS.map((f) => [f, SourceIds])) as Record<(typeof CITABLE_FIELDS)[number], typeof SourceIds>,
), { additionalProperties: false });

export const ServiceRecordSchema = Type.Object({
  /** Same in every region; part of the service id, so never renamed once published. */
  slug: Slug,
  name: ShortText,
  nameEn: ShortText,
  keywords: Keywords,
  /** One or two sentences; may contain {region}. */
  description: Text,
  requirements: Type.Array(Text, { minItems: 1, maxItems: 40 }),
  steps: Type.Array(Text, { minItems: 1, maxItems: 40 }),
  fee: FeeSchema,
  /** Processing time in words ("4 hari kerja"); null when no source gives it. */
  duration: Type.Union([ShortText, Type.Null()]),
  /** Service hours in words when a source gives them for this service everywhere; else null. */
  hours: Type.Union([ShortText, Type.Null()]),
  legalBasis: Type.Array(Text, { maxItems: 20 }),
  product: Type.Union([ShortText, Type.Null()]),
  /** The agency's own page for doing this online; null unless such a page is known. */
  onlineUrl: Type.Union([HttpsUrl, Type.Null()]),
  citations: CitationsSchema,
  /** True only when the record was checked against dated sources (see load.ts). */
  verified: Type.Boolean(),
  /** When the record was last checked against its sources; null when never. */
  checked: Type.Union([IsoDate, Type.Null()]),
}, { additionalProperties: false });

const PlacementSchema = Type.Union([
  /** In every region's MPP. */
  Type.Object({ kind: Type.Literal("core") }, { additionalProperties: false }),
  /** In the listed regions only. */
  Type.Object({ kind: Type.Literal("regions"), regions: Type.Array(Type.String({ pattern: "^\\d{4}$" }), { minItems: 1 }) },
    { additionalProperties: false }),
  /** Optional tenant: picked per region by a stable hash until the region's agency count is reached. */
  Type.Object({ kind: Type.Literal("extra") }, { additionalProperties: false }),
]);

export const AgencyRecordSchema = Type.Object({
  slug: Slug,
  /** Position among the agencies of an MPP (counter letters follow it); unique across files. */
  order: Type.Integer({ minimum: 1, maximum: 999 }),
  /** May contain {region} ("Kota Bandung"), {place} ("Bandung"), {regionEn} ("Bandung City"). */
  name: ShortText,
  nameEn: ShortText,
  shortName: Type.String({ minLength: 1, maxLength: 40 }),
  level: Type.Union(AGENCY_LEVELS.map((l) => Type.Literal(l))),
  counterCount: Type.Union([Type.Literal(1), Type.Literal(2)]),
  keywords: Keywords,
  placement: PlacementSchema,
  /** How sure its presence in each MPP is; shown with the agency. */
  presenceNote: Text,
  /** Channels besides SP4N-LAPOR! (which every service gets), each with its source. */
  complaintChannels: Type.Array(ComplaintChannelSchema, { maxItems: 10 }),
}, { additionalProperties: false });

export const CatalogFileSchema = Type.Object({
  formatVersion: Type.Literal(CATALOG_FORMAT_VERSION),
  agency: AgencyRecordSchema,
  sources: Type.Array(SourceSchema, { maxItems: 200 }),
  services: Type.Array(ServiceRecordSchema, { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false });

export type CatalogSource = Static<typeof SourceSchema>;
export type CatalogServiceRecord = Static<typeof ServiceRecordSchema>;
export type CatalogAgencyRecord = Static<typeof AgencyRecordSchema>;
export type CatalogFile = Static<typeof CatalogFileSchema>;
export type CitableField = (typeof CITABLE_FIELDS)[number];
