// Expands the catalog (agencies.ts, services.ts) over the regions into plain seed records with
// stable ids. Pure and deterministic: the same regions give the same records, byte for byte, so
// the database seed can insert "what is missing" by id and never needs to overwrite.
import { formatAgencyId, formatServiceId } from "../ids";
import type { RegionRecord } from "../regions";
import type { AgencyLevel, ComplaintChannel, Counter, Service } from "../types";
import { agenciesForRegion, MAX_AGENCIES_PER_REGION } from "./agencies";
import { servicesForAgency } from "./services";

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

/** Agency channels known nationwide; other agencies get only LAPOR! (no invented numbers). */
const AGENCY_CHANNELS: Readonly<Record<string, ComplaintChannel[]>> = {
  "bpjs-kesehatan": [{ kind: "phone", label: "BPJS Kesehatan Care Center", value: "165" }],
  "kpp-pratama": [{ kind: "phone", label: "Kring Pajak", value: "1500200" }],
};

const LETTERS = "ABCDEFGHIJKLMNOP";

function agencyNote(slug: string): string {
  if (slug === "imigrasi") {
    return "Pilihan kemungkinan: ada Kantor Imigrasi atau unit layanan paspor di atau dekat wilayah ini; keberadaan loket Imigrasi di MPP ini belum diverifikasi.";
  }
  return "Penyewa umum MPP di Jawa Barat; keberadaan loket di MPP ini belum diverifikasi.";
}

export function buildSeed(regions: readonly RegionRecord[]): SeedData {
  const agencies: SeedAgency[] = [];
  const services: SeedService[] = [];
  for (const region of regions) {
    const templates = agenciesForRegion(region.code);
    if (templates.length > MAX_AGENCIES_PER_REGION) throw new Error(`seed: too many agencies in ${region.code}`);
    templates.forEach((t, index) => {
      const id = formatAgencyId(region.code, t.slug);
      const letter = LETTERS[index]!;
      const counters: Counter[] = Array.from({ length: t.counterCount }, (_, n) => ({ id: `${id}-${n + 1}`, label: `${letter}${n + 1}` }));
      agencies.push({
        id, regionCode: region.code, slug: t.slug, name: t.name(region), nameEn: t.nameEn(region),
        shortName: t.shortName, level: t.level, note: agencyNote(t.slug), sort: index, counters, keywords: t.keywords,
      });
      servicesForAgency(t.slug).forEach((s, sIndex) => {
        const verified = s.source !== null && s.sourceDate !== null;
        services.push({
          id: formatServiceId({ regionCode: region.code, agencySlug: t.slug, serviceSlug: s.slug }),
          regionCode: region.code,
          agencyId: id,
          slug: s.slug,
          name: s.name,
          nameEn: s.nameEn,
          description: s.description.replaceAll("{region}", region.name),
          requirements: [...s.requirements],
          steps: [...s.steps],
          fee: { ...s.fee },
          duration: s.duration,
          hours: null,
          legalBasis: [...s.legalBasis],
          product: s.product,
          complaintChannels: [LAPOR, ...(AGENCY_CHANNELS[t.slug] ?? [])],
          onlineUrl: s.onlineUrl,
          source: s.source,
          verified,
          lastVerified: verified ? s.sourceDate : null,
          keywords: [...new Set([...s.keywords, ...t.keywords])].join(" "),
          sort: index * 100 + sIndex,
        });
      });
    });
  }
  return { regions: [...regions], agencies, services };
}
