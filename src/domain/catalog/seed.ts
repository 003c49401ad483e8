// Expands the catalog (data/catalog/*.json, read by data-files.ts) over the regions into plain
// seed records with stable ids. Deterministic: the same regions and files give the same records,
// byte for byte, so the database seed can insert "what is missing" by id and never needs to overwrite.
import { formatAgencyId, formatServiceId } from "../ids";
import type { RegionRecord } from "../regions";
import type { AgencyLevel, ComplaintChannel, Counter, Service } from "../types";
import { agenciesForRegion, fillRegion, MAX_AGENCIES_PER_REGION } from "./agencies";
import { defaultCatalog, defaultMpps } from "./data-files";
import type { AgencyCatalog } from "./load";
import { hoursText, regularHours, type MppInfo } from "./mpp-load";
import { CITABLE_FIELDS, type CatalogServiceRecord, type CatalogSource } from "./schema";

export interface SeedAgency {
  id: string;
  regionCode: string;
  slug: string;
  name: string;
  nameEn: string;
  shortName: string;
  level: AgencyLevel;
  note: string;
  sort: number;
  counters: Counter[];
  /** Search words of the agency, added to each of its services. */
  keywords: string[];
}

/** A service as stored: the full record, less what the API joins in from its agency and region. */
export type SeedService = Omit<Service, "agencySlug" | "agencyName" | "regionName"> & {
  /** Space-separated search synonyms (service and agency). */
  keywords: string;
  sort: number;
};

export interface SeedData {
  regions: RegionRecord[];
  agencies: SeedAgency[];
  services: SeedService[];
}

/** SP4N-LAPOR!, the national complaint channel, is valid for every public service. */
export const LAPOR: ComplaintChannel = { kind: "lapor", label: "SP4N-LAPOR!", value: "https://www.lapor.go.id" };

const LETTERS = "ABCDEFGHIJKLMNOP";

/** "PP 28/2019, Lampiran (2019-04-15), <the source's URL>" */
export function formatSource(s: CatalogSource): string {
  return `${s.citation}${s.date ? ` (${s.date})` : ""}${s.url ? `, ${s.url}` : ""}`;
}

/** The record's sources as one line, in the order of the fields they state; null when none. */
export function serviceSourceLine(s: CatalogServiceRecord, sources: ReadonlyMap<string, CatalogSource>): string | null {
  const ids = [...new Set(CITABLE_FIELDS.flatMap((f) => s.citations[f] ?? []))];
  return ids.length === 0 ? null : ids.map((id) => formatSource(sources.get(id)!)).join("; ");
}

/**
 * What a service record says about the hours of its region's MPP when the catalog gives none:
 * the MPP's regular hours with the date of their source, so a citizen sees how old they are.
 */
export function mppHoursLine(mpp: MppInfo | undefined): { text: string; sources: CatalogSource[] } | null {
  const period = mpp ? regularHours(mpp) : null;
  if (!mpp || !period) return null;
  const sources = period.sources.map((id) => mpp.sources.find((s) => s.id === id)!);
  const dates = sources.map((s) => s.date).filter((d): d is string => d !== null).sort();
  const asOf = dates.length > 0 ? `per ${dates[dates.length - 1]}` : "sumber tanpa tanggal";
  return { text: `Jam buka ${mpp.name} (${asOf}): ${hoursText(period)}`, sources };
}

/** The agency's presence note, sharpened by a sourced tenant list of the region's MPP when there is one. */
export function presenceNote(slug: string, fallback: string, mpp: MppInfo | undefined): string {
  const tenants = mpp?.tenants;
  if (!mpp || !tenants) return fallback;
  // Citation and date only: the presence note is a sentence, the URLs are in the MPP file.
  const cited = tenants.sources.map((id) => mpp.sources.find((s) => s.id === id)!)
    .map((s) => `${s.citation}${s.date ? ` (${s.date})` : ""}`).join("; ");
  const listed = tenants.list.find((t) => t.agencies.includes(slug));
  if (listed) return `Tercantum sebagai "${listed.name}" dalam daftar instansi ${mpp.name} menurut ${cited}; layanan per loket belum diverifikasi.`;
  if (tenants.complete) return `Tidak tercantum dalam daftar lengkap instansi ${mpp.name} menurut ${cited}; keberadaan loket ini belum diverifikasi.`;
  return fallback;
}

export function buildSeed(regions: readonly RegionRecord[], catalogs: readonly AgencyCatalog[] = defaultCatalog(),
  mpps: ReadonlyMap<string, MppInfo> = defaultMpps(regions)): SeedData {
  const agencies: SeedAgency[] = [];
  const services: SeedService[] = [];
  const sourceMaps = new Map(catalogs.map((c) => [c, new Map(c.sources.map((s) => [s.id, s]))]));
  for (const region of regions) {
    const mpp = mpps.get(region.code);
    const mppHours = mppHoursLine(mpp);
    const present = agenciesForRegion(region.code, catalogs);
    if (present.length > MAX_AGENCIES_PER_REGION) throw new Error(`seed: too many agencies in ${region.code}`);
    present.forEach((cat, index) => {
      const t = cat.agency;
      const sources = sourceMaps.get(cat)!;
      const id = formatAgencyId(region.code, t.slug);
      const letter = LETTERS[index]!;
      const counters: Counter[] = Array.from({ length: t.counterCount }, (_, n) => ({ id: `${id}-${n + 1}`, label: `${letter}${n + 1}` }));
      const channels: ComplaintChannel[] = t.complaintChannels.map((c) => ({ kind: c.kind, label: c.label, value: c.value }));
      agencies.push({
        id, regionCode: region.code, slug: t.slug, name: fillRegion(t.name, region), nameEn: fillRegion(t.nameEn, region),
        shortName: t.shortName, level: t.level, note: presenceNote(t.slug, t.presenceNote, mpp), sort: index, counters, keywords: [...t.keywords],
      });
      cat.services.forEach((s, sIndex) => {
        const useMppHours = s.hours === null && mppHours !== null;
        const sourceLine = [serviceSourceLine(s, sources), ...(useMppHours ? mppHours.sources.map(formatSource) : [])]
          .filter((x): x is string => x !== null);
        services.push({
          id: formatServiceId({ regionCode: region.code, agencySlug: t.slug, serviceSlug: s.slug }),
          regionCode: region.code,
          agencyId: id,
          slug: s.slug,
          name: s.name,
          nameEn: s.nameEn,
          description: fillRegion(s.description, region),
          requirements: [...s.requirements],
          steps: [...s.steps],
          fee: { amount: s.fee.amount, note: s.fee.note },
          duration: s.duration,
          hours: useMppHours ? mppHours.text : s.hours,
          legalBasis: [...s.legalBasis],
          product: s.product,
          complaintChannels: [LAPOR, ...channels],
          onlineUrl: s.onlineUrl,
          source: sourceLine.length > 0 ? [...new Set(sourceLine)].join("; ") : null,
          verified: s.verified,
          lastVerified: s.verified ? s.checked : null,
          keywords: [...new Set([...s.keywords, ...t.keywords])].join(" "),
          sort: index * 100 + sIndex,
        });
      });
    });
  }
  return { regions: [...regions], agencies, services };
}
