// The agencies (instansi) that typically hold a counter in a Jawa Barat MPP, and the
// deterministic rule that picks 13-16 of them per region. The interior model has 16 counter
// slots, so a region NEVER gets more than 16 agencies (MAX_AGENCIES_PER_REGION).
//
// Which agencies sit in which MPP is not sourced region by region: the list follows the typical
// tenants named in shared/domain/README.md (MPP Kabupaten Bandung, MPP Purwakarta, MPP Kota
// Bandung), and the choice per region is a plausibility choice, said so in each agency's note.
import type { AgencyLevel } from "../types";
import type { RegionRecord } from "../regions";

export const MAX_AGENCIES_PER_REGION = 16;
export const MIN_AGENCIES_PER_REGION = 13;

export interface AgencyTemplate {
  slug: string;
  name: (region: RegionRecord) => string;
  nameEn: (region: RegionRecord) => string;
  shortName: string;
  level: AgencyLevel;
  /** 1 or 2 counters (loket); the busiest services get two. */
  counterCount: 1 | 2;
  /** Extra search words (English names, common abbreviations). */
  keywords: string[];
}

/** "Kabupaten Bandung" -> "Bandung Regency", "Kota Bandung" -> "Bandung City". */
export function regionNameEn(region: RegionRecord): string {
  const base = region.name.replace(/^(Kabupaten|Kota)\s+/, "");
  return region.type === "kota" ? `${base} City` : `${base} Regency`;
}

/** "Kabupaten Bandung" -> "Bandung" (for police and court names that use the place name). */
function place(region: RegionRecord): string {
  return region.name.replace(/^(Kabupaten|Kota)\s+/, "");
}

const T = (t: AgencyTemplate) => t;

export const AGENCIES: readonly AgencyTemplate[] = [
  T({ slug: "disdukcapil", shortName: "Disdukcapil", level: "daerah", counterCount: 2,
    name: (r) => `Dinas Kependudukan dan Pencatatan Sipil ${r.name}`,
    nameEn: (r) => `Population and Civil Registration Office, ${regionNameEn(r)}`,
    keywords: ["dukcapil", "civil registration", "population"] }),
  T({ slug: "polres-sim", shortName: "SIM (Polres)", level: "nasional", counterCount: 2,
    name: (r) => `Satuan Lalu Lintas Polres/Polresta wilayah ${place(r)} (Satpas SIM)`,
    nameEn: (r) => `Police traffic unit for ${place(r)} (driving licences)`,
    keywords: ["polisi", "police", "polri", "satlantas", "driving licence", "driving license", "surat izin mengemudi"] }),
  T({ slug: "polres-skck", shortName: "SKCK (Polres)", level: "nasional", counterCount: 1,
    name: (r) => `Satuan Intelkam Polres/Polresta wilayah ${place(r)} (SKCK)`,
    nameEn: (r) => `Police intelligence unit for ${place(r)} (police clearance)`,
    keywords: ["polisi", "police", "polri", "police clearance", "good conduct certificate"] }),
  T({ slug: "samsat", shortName: "Samsat", level: "provinsi", counterCount: 2,
    name: (r) => `Samsat ${place(r)} (Bapenda Provinsi Jawa Barat, Polri, Jasa Raharja)`,
    nameEn: (r) => `Samsat vehicle registration and tax office, ${place(r)}`,
    keywords: ["bapenda", "pajak kendaraan", "vehicle tax", "motor vehicle", "stnk", "pkb"] }),
  T({ slug: "dpmptsp", shortName: "DPMPTSP", level: "daerah", counterCount: 1,
    name: (r) => `Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu ${r.name}`,
    nameEn: (r) => `Investment and One-Stop Service Office, ${regionNameEn(r)}`,
    keywords: ["perizinan", "izin", "permit", "licensing", "oss", "investment"] }),
  T({ slug: "kpp-pratama", shortName: "KPP Pratama", level: "nasional", counterCount: 1,
    name: (r) => `Kantor Pelayanan Pajak Pratama wilayah ${place(r)} (DJP)`,
    nameEn: (r) => `Tax office for ${place(r)} (Directorate General of Taxes)`,
    keywords: ["pajak", "tax", "djp", "npwp"] }),
  T({ slug: "bpjs-kesehatan", shortName: "BPJS Kesehatan", level: "nasional", counterCount: 1,
    name: (r) => `BPJS Kesehatan, layanan wilayah ${place(r)}`,
    nameEn: (r) => `BPJS Kesehatan (national health insurance), ${place(r)}`,
    keywords: ["jkn", "kis", "health insurance", "asuransi kesehatan"] }),
  T({ slug: "bpjs-ketenagakerjaan", shortName: "BPJS TK", level: "nasional", counterCount: 1,
    name: (r) => `BPJS Ketenagakerjaan, layanan wilayah ${place(r)}`,
    nameEn: (r) => `BPJS Ketenagakerjaan (employment social security), ${place(r)}`,
    keywords: ["jamsostek", "jht", "employment insurance", "social security"] }),
  T({ slug: "bpn", shortName: "BPN", level: "nasional", counterCount: 1,
    name: (r) => `Kantor Pertanahan ${r.name} (Kementerian ATR/BPN)`,
    nameEn: (r) => `Land Office, ${regionNameEn(r)} (ATR/BPN)`,
    keywords: ["atr", "pertanahan", "tanah", "land", "sertifikat tanah", "land certificate"] }),
  T({ slug: "kemenag", shortName: "Kemenag", level: "nasional", counterCount: 1,
    name: (r) => `Kantor Kementerian Agama ${r.name}`,
    nameEn: (r) => `Ministry of Religious Affairs office, ${regionNameEn(r)}`,
    keywords: ["kua", "agama", "religious affairs", "haji", "hajj", "nikah", "marriage"] }),
  T({ slug: "pengadilan-agama", shortName: "Pengadilan Agama", level: "nasional", counterCount: 1,
    name: (r) => `Pengadilan Agama wilayah ${place(r)}`,
    nameEn: (r) => `Religious Court for ${place(r)}`,
    keywords: ["religious court", "perceraian", "divorce"] }),
  T({ slug: "imigrasi", shortName: "Imigrasi", level: "nasional", counterCount: 2,
    name: (r) => `Kantor Imigrasi / Unit Layanan Paspor wilayah ${place(r)}`,
    nameEn: (r) => `Immigration office / passport service unit for ${place(r)}`,
    keywords: ["paspor", "passport", "immigration", "keimigrasian"] }),
  T({ slug: "pengadilan-negeri", shortName: "Pengadilan Negeri", level: "nasional", counterCount: 1,
    name: (r) => `Pengadilan Negeri wilayah ${place(r)}`,
    nameEn: (r) => `District Court for ${place(r)}`,
    keywords: ["district court", "court", "pengadilan"] }),
  T({ slug: "kejaksaan", shortName: "Kejaksaan", level: "nasional", counterCount: 1,
    name: (r) => `Kejaksaan Negeri wilayah ${place(r)}`,
    nameEn: (r) => `District Prosecutor's Office for ${place(r)}`,
    keywords: ["kejari", "prosecutor", "tilang", "traffic fine"] }),
  T({ slug: "pdam", shortName: "PDAM", level: "bumd", counterCount: 1,
    name: (r) => `Perumda Air Minum (PDAM) wilayah ${place(r)}`,
    nameEn: (r) => `Regional water utility (PDAM), ${place(r)}`,
    keywords: ["air minum", "water", "water utility"] }),
  T({ slug: "bank-bjb", shortName: "bank bjb", level: "bumd", counterCount: 1,
    name: (r) => `bank bjb, layanan wilayah ${place(r)}`,
    nameEn: (r) => `bank bjb (West Java regional bank), ${place(r)}`,
    keywords: ["bjb", "bank", "rekening", "account", "payment"] }),
  T({ slug: "taspen", shortName: "Taspen", level: "bumn", counterCount: 1,
    name: (r) => `PT Taspen (Persero), layanan wilayah ${place(r)}`,
    nameEn: (r) => `PT Taspen (civil servant pension insurer), ${place(r)}`,
    keywords: ["pensiun", "pension", "asn", "pns", "civil servant"] }),
  T({ slug: "jasa-raharja", shortName: "Jasa Raharja", level: "bumn", counterCount: 1,
    name: (r) => `PT Jasa Raharja, layanan wilayah ${place(r)}`,
    nameEn: (r) => `PT Jasa Raharja (traffic accident insurance), ${place(r)}`,
    keywords: ["santunan", "kecelakaan", "accident", "insurance"] }),
  T({ slug: "bpom", shortName: "BPOM", level: "nasional", counterCount: 1,
    name: (r) => `Badan Pengawas Obat dan Makanan, layanan wilayah ${place(r)}`,
    nameEn: (r) => `Food and Drug Authority (BPOM) desk, ${place(r)}`,
    keywords: ["pom", "obat", "makanan", "food", "drug", "izin edar"] }),
  T({ slug: "disnaker", shortName: "Disnaker", level: "daerah", counterCount: 1,
    name: (r) => `Dinas Tenaga Kerja ${r.name}`,
    nameEn: (r) => `Manpower Office, ${regionNameEn(r)}`,
    keywords: ["tenaga kerja", "manpower", "job seeker", "kartu kuning", "ak1"] }),
  T({ slug: "dinkes", shortName: "Dinkes", level: "daerah", counterCount: 1,
    name: (r) => `Dinas Kesehatan ${r.name}`,
    nameEn: (r) => `Health Office, ${regionNameEn(r)}`,
    keywords: ["kesehatan", "health", "pirt", "sanitasi"] }),
];

/** Present in every region: the tenants README names for (almost) every Jawa Barat MPP. */
export const CORE_AGENCY_SLUGS: readonly string[] = [
  "disdukcapil", "polres-sim", "polres-skck", "samsat", "dpmptsp", "kpp-pratama",
  "bpjs-kesehatan", "bpjs-ketenagakerjaan", "bpn", "kemenag", "pengadilan-agama",
];

/**
 * Regions where an Imigrasi counter is plausible because a Kantor Imigrasi or a passport
 * service unit is in or near the region. A plausibility choice, not a sourced fact: no source
 * per MPP was found (README only names Imigrasi at MPP Purwakarta, 3214).
 */
export const IMIGRASI_PLAUSIBLE: ReadonlySet<string> = new Set([
  "3201", "3203", "3204", "3209", "3214", "3215", "3216",
  "3271", "3272", "3273", "3274", "3275", "3276", "3278",
]);

/** Optional tenants; each region takes some of them, chosen by a stable hash. */
export const EXTRA_AGENCY_SLUGS: readonly string[] = [
  "pengadilan-negeri", "kejaksaan", "pdam", "bank-bjb", "taspen", "jasa-raharja", "bpom", "disnaker", "dinkes",
];

export const AGENCY_SLUGS: readonly string[] = AGENCIES.map((a) => a.slug);

/** FNV-1a 32-bit: a tiny stable hash, so the choice never depends on Math.random or order of insertion. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function agencyTemplate(slug: string): AgencyTemplate {
  const t = AGENCIES.find((a) => a.slug === slug);
  if (!t) throw new Error(`agencies: unknown agency slug ${JSON.stringify(slug)}`);
  return t;
}

/**
 * The agencies of one region's MPP, in counter order: the core tenants, Imigrasi where
 * plausible, then extras by stable hash until the region's target count (13..16, from its code).
 */
export function agenciesForRegion(regionCode: string): AgencyTemplate[] {
  const target = MIN_AGENCIES_PER_REGION + (Number(regionCode) % (MAX_AGENCIES_PER_REGION - MIN_AGENCIES_PER_REGION + 1));
  const chosen = [...CORE_AGENCY_SLUGS];
  if (IMIGRASI_PLAUSIBLE.has(regionCode)) chosen.push("imigrasi");
  const extras = [...EXTRA_AGENCY_SLUGS]
    .sort((a, b) => stableHash(`${regionCode}:${a}`) - stableHash(`${regionCode}:${b}`))
    .slice(0, Math.max(0, target - chosen.length));
  const picked = new Set([...chosen, ...extras]);
  const result = AGENCIES.filter((a) => picked.has(a.slug));
  if (result.length > MAX_AGENCIES_PER_REGION) {
    throw new Error(`agencies: region ${regionCode} would get ${result.length} agencies, more than ${MAX_AGENCIES_PER_REGION}`);
  }
  return result;
}
