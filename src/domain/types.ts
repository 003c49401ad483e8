// The shapes of MPP data, shared by the API server, the app and the tests.
// Plain types only: no Babylon, no Node, no DOM imports (see STYLE.md, point 1).

/** Kemendagri code of a kabupaten/kota in Jawa Barat, e.g. "3273" (Kota Bandung). */
export type RegionCode = string;

export type RegionType = "kabupaten" | "kota";

/**
 * What is known about a physical MPP building. "unknown" means no source was found,
 * not that there is none: it must never be shown as "no".
 */
export type PhysicalMppStatus = "yes" | "planned" | "no" | "unknown";

export interface PhysicalMpp {
  status: PhysicalMppStatus;
  /** Free text from the source, e.g. "opened 2021-12-08 at Munara 99 Soreang"; null when none. */
  note: string | null;
  /** Where the status comes from; null when no source was found. */
  source: string | null;
}

export interface RegionSummary {
  code: RegionCode;
  name: string;
  type: RegionType;
  /** Seat of government (ibu kota), e.g. "Soreang". */
  seat: string;
  lat: number;
  lon: number;
  physicalMpp: PhysicalMpp;
  agencyCount: number;
  serviceCount: number;
}

/** A counter (loket) of an agency inside one regional MPP. */
export interface Counter {
  /** Unique across the database, e.g. "3273-imigrasi-1". */
  id: string;
  /** Label shown above the counter, e.g. "B2". */
  label: string;
}

export type AgencyLevel = "nasional" | "provinsi" | "daerah" | "bumn" | "bumd";

export interface Agency {
  /** Unique across the database: `${regionCode}-${slug}`, e.g. "3273-imigrasi". */
  id: string;
  /** Same in every region, e.g. "imigrasi", "disdukcapil", "polres-sim". */
  slug: string;
  name: string;
  nameEn: string;
  /** Short label for counters and buttons, e.g. "Imigrasi". */
  shortName: string;
  level: AgencyLevel;
  counters: Counter[];
  serviceCount: number;
  /** How sure the presence of this agency in this MPP is, e.g. "not verified"; absent or null when nothing to say. */
  note?: string | null;
}

export interface RegionDetail extends RegionSummary {
  agencies: Agency[];
}

export interface Fee {
  /** Rupiah, integer; 0 for free services; null when the amount is not known. */
  amount: number | null;
  /** e.g. "PNBP, PP 28/2019" or "Tidak dipungut biaya (UU 24/2013 pasal 79A)"; null when none. */
  note: string | null;
}

export type ComplaintChannelKind = "lapor" | "email" | "phone" | "whatsapp" | "web" | "counter";

export interface ComplaintChannel {
  kind: ComplaintChannelKind;
  label: string;
  /** Address, number or URL of the channel; null for "counter" (ask at the counter). */
  value: string | null;
}

/** What lists and search results carry: enough to show a row and link to the full record. */
export interface ServiceSummary {
  /** `${regionCode}-${agencySlug}-${serviceSlug}`, e.g. "3273-imigrasi-paspor-biasa". */
  id: string;
  regionCode: RegionCode;
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  /** Same slug in every region, e.g. "paspor-biasa". */
  slug: string;
  name: string;
  nameEn: string;
  fee: Fee;
  verified: boolean;
}

/** One service in full, as a Standar Pelayanan sheet would describe it (PP 96/2012). */
export interface Service extends ServiceSummary {
  regionName: string;
  description: string;
  requirements: string[];
  steps: string[];
  /** Processing time in words, e.g. "3 hari kerja"; null when not known. */
  duration: string | null;
  /** Opening hours in words; null when not known. */
  hours: string | null;
  legalBasis: string[];
  /** What the citizen receives, e.g. "Paspor biasa 48 halaman". */
  product: string | null;
  complaintChannels: ComplaintChannel[];
  onlineUrl: string | null;
  /** Where the record's facts come from; null when no source was found (then verified is false). */
  source: string | null;
  /** ISO date (YYYY-MM-DD) when the record was last checked against its source; null when never. */
  lastVerified: string | null;
}

export interface SearchHit {
  service: ServiceSummary;
  regionName: string;
  /** Higher is better; only meaningful within one response. */
  score: number;
}

export interface SearchResult {
  query: string;
  region: RegionCode | null;
  total: number;
  hits: SearchHit[];
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface Health {
  status: "ok";
  version: string;
  regions: number;
  services: number;
  /** ISO timestamp of the newest data change. */
  dataUpdatedAt: string;
}
