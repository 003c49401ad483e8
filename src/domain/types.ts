// The shapes of MPP data, declared once (TypeBox): the TypeScript types below are derived from
// these schemas, the server validates and serializes with them (src/server/schemas.ts), the
// OpenAPI document shows them, and the app checks every answer against them (validate.ts).
// Plain data only: no Babylon, no Node, no DOM imports (see STYLE.md, point 1).
import {
  Array as TArray, Boolean as TBoolean, Integer, Number as TNumber, Object as TObject, Optional, String as TString, Unsafe,
  type Static, type TSchema,
} from "@sinclair/typebox";

// The builders one by one (not TypeBox's `Type` namespace): the app's bundle keeps only these.
const Type = { Array: TArray, Boolean: TBoolean, Integer, Number: TNumber, Object: TObject, Optional, String: TString, Unsafe };

// ---- enumerations: one `as const` list each (the database CHECK constraints are tested against them) ----

export const REGION_TYPES = ["kabupaten", "kota"] as const;
/**
 * What is known about a physical MPP building. "unknown" means no source was found,
 * not that there is none: it must never be shown as "no".
 */
export const MPP_STATUSES = ["yes", "planned", "no", "unknown"] as const;
export const AGENCY_LEVELS = ["nasional", "provinsi", "daerah", "bumn", "bumd"] as const;
export const COMPLAINT_CHANNEL_KINDS = ["lapor", "email", "phone", "whatsapp", "web", "counter"] as const;
export const DATABASE_ENGINES = ["sqlite", "postgres"] as const;

// ---- schema helpers: plain JSON Schema (type/enum/nullable as a type list), as fastify and OpenAPI read it ----

type Opts = { description?: string };

/** A string from a fixed list: `{ type: "string", enum: [...] }`. */
export const OneOf = <T extends readonly string[]>(values: T, o: Opts = {}) =>
  Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...o });

/** The value or null: `{ type: ["string", "null"] }` (what fast-json-stringify serializes fastest). */
export const Nullable = <S extends TSchema & { type: string }>(schema: S, o: Opts = {}) =>
  Type.Unsafe<Static<S> | null>({ ...schema, type: [schema.type, "null"], ...o });

const Str = (description?: string) => Type.String(description ? { description } : {});
const Count = () => Type.Integer({ minimum: 0 });

// ---- the shapes ----

/** Kemendagri code of a kabupaten/kota in Jawa Barat, e.g. "3273" (Kota Bandung). */
export type RegionCode = string;
export type RegionType = (typeof REGION_TYPES)[number];
export type PhysicalMppStatus = (typeof MPP_STATUSES)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type ComplaintChannelKind = (typeof COMPLAINT_CHANNEL_KINDS)[number];
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export const PhysicalMppSchema = Type.Object({
  status: OneOf(MPP_STATUSES),
  note: Nullable(Str(), { description: "Free text from the source, e.g. \"opened 2021-12-08 at Munara 99 Soreang\"; null when none" }),
  source: Nullable(Str(), { description: "Where the status comes from; null when no source was found" }),
});
export type PhysicalMpp = Static<typeof PhysicalMppSchema>;

const regionSummaryFields = {
  code: Type.String({ pattern: "^\\d{4}$", description: "Kemendagri code, e.g. 3273" }),
  name: Str(),
  type: OneOf(REGION_TYPES),
  seat: Str("Seat of government (ibu kota), e.g. Soreang"),
  lat: Type.Number(),
  lon: Type.Number(),
  physicalMpp: PhysicalMppSchema,
  agencyCount: Count(),
  serviceCount: Count(),
};
export const RegionSummarySchema = Type.Object(regionSummaryFields);
export type RegionSummary = Static<typeof RegionSummarySchema>;

/** A counter (loket) of an agency inside one regional MPP. */
export const CounterSchema = Type.Object({
  id: Str("Unique across the database, e.g. 3273-imigrasi-1"),
  label: Str("Label shown above the counter, e.g. B2"),
});
export type Counter = Static<typeof CounterSchema>;

export const AgencySchema = Type.Object({
  id: Str("Unique across the database: regionCode-slug, e.g. 3273-imigrasi"),
  slug: Str("Same in every region, e.g. imigrasi, disdukcapil, polres-sim"),
  name: Str(),
  nameEn: Str(),
  shortName: Str("Short label for counters and buttons, e.g. Imigrasi"),
  level: OneOf(AGENCY_LEVELS),
  counters: Type.Array(CounterSchema),
  serviceCount: Count(),
  note: Type.Optional(Nullable(Str(), { description: "How sure the presence of this agency in this MPP is; null when nothing to say" })),
});
export type Agency = Static<typeof AgencySchema>;

export const RegionDetailSchema = Type.Object({ ...regionSummaryFields, agencies: Type.Array(AgencySchema) });
export type RegionDetail = Static<typeof RegionDetailSchema>;

export const FeeSchema = Type.Object({
  amount: Nullable(Type.Integer({ minimum: 0 }), { description: "Rupiah; 0 for free services; null when the amount is not known" }),
  note: Nullable(Str(), { description: "e.g. PNBP, PP 28/2019; null when none" }),
});
export type Fee = Static<typeof FeeSchema>;

export const ComplaintChannelSchema = Type.Object({
  kind: OneOf(COMPLAINT_CHANNEL_KINDS),
  label: Str(),
  value: Nullable(Str(), { description: "Address, number or URL of the channel; null for counter (ask at the counter)" }),
});
export type ComplaintChannel = Static<typeof ComplaintChannelSchema>;

const serviceSummaryFields = {
  id: Str("regionCode-agencySlug-serviceSlug, e.g. 3273-imigrasi-paspor-biasa"),
  regionCode: Str(),
  agencyId: Str(),
  agencySlug: Str(),
  agencyName: Str(),
  agencyNameEn: Type.Optional(Str("The agency's English name (agencies.name_en)")),
  slug: Str("Same slug in every region, e.g. paspor-biasa"),
  name: Str(),
  nameEn: Str(),
  fee: FeeSchema,
  verified: Type.Boolean(),
};
/** What lists and search results carry: enough to show a row and link to the full record. */
export const ServiceSummarySchema = Type.Object(serviceSummaryFields);
export type ServiceSummary = Static<typeof ServiceSummarySchema>;

const StrList = () => Type.Array(Type.String());
/** One service in full, as a Standar Pelayanan sheet would describe it (PP 96/2012). */
export const ServiceSchema = Type.Object({
  ...serviceSummaryFields,
  regionName: Str(),
  description: Str(),
  requirements: StrList(),
  steps: StrList(),
  duration: Nullable(Str(), { description: "Processing time in words, e.g. 3 hari kerja; null when not known" }),
  hours: Nullable(Str(), { description: "Opening hours in words; null when not known" }),
  legalBasis: StrList(),
  product: Nullable(Str(), { description: "What the citizen receives, e.g. Paspor biasa 48 halaman" }),
  complaintChannels: Type.Array(ComplaintChannelSchema),
  onlineUrl: Nullable(Str()),
  source: Nullable(Str(), { description: "Where the record's facts come from; null when no source was found (then verified is false)" }),
  lastVerified: Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }), {
    description: "ISO date (YYYY-MM-DD) when the record was last checked against its source; null when never",
  }),
});
export type Service = Static<typeof ServiceSchema>;

export const SearchHitSchema = Type.Object({
  service: ServiceSummarySchema,
  regionName: Str(),
  score: Type.Number({ description: "Higher is better; only meaningful within one response" }),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchRegionCountSchema = Type.Object({ code: Str(), name: Str(), count: Count() });
export const SearchResultSchema = Type.Object({
  query: Str(),
  region: Nullable(Str(), { description: "Only this kabupaten/kota's services (the region filter)" }),
  near: Nullable(Str(), { description: "The visitor's kabupaten/kota: its hits come first" }),
  total: Count(),
  offset: Count(),
  hits: Type.Array(SearchHitSchema),
  regions: Type.Array(SearchRegionCountSchema, { description: "Matches per kabupaten/kota across all regions, in code order" }),
});
export type SearchResult = Static<typeof SearchResultSchema>;

export const ApiErrorBodySchema = Type.Object({
  error: Type.Object({ code: Str(), message: Str() }),
});
export type ApiErrorBody = Static<typeof ApiErrorBodySchema>;

export const HealthSchema = Type.Object({
  status: OneOf(["ok"] as const),
  version: Str("The server's version (package.json)"),
  regions: Count(),
  services: Count(),
  dataUpdatedAt: Str("ISO timestamp of the newest data change"),
  database: Type.Object({
    engine: OneOf(DATABASE_ENGINES),
    schemaVersion: Type.Integer({ minimum: 0, description: "The newest migration applied" }),
  }),
});
export type Health = Static<typeof HealthSchema>;

// ---- the answers' envelopes (what each route's 200 body is) ----

export const RegionsAnswer = Type.Object({ regions: Type.Array(RegionSummarySchema) });
export const RegionAnswer = Type.Object({ region: RegionDetailSchema });
export const ServicesAnswer = Type.Object({ region: Type.String(), services: Type.Array(ServiceSummarySchema) });
export const ServiceAnswer = Type.Object({ service: ServiceSchema });
