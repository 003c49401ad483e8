// The visit cards of the physical MPPs (src/domain/visit.ts), built once from data/mpp/*.json and
// the region table: the facts files are the sourced record of each building.
import { readFileSync } from "node:fs";
import { defaultMpps } from "../../domain/catalog/data-files";
import { hoursText, type MppInfo } from "../../domain/catalog/mpp-load";
import { formatSource } from "../../domain/catalog/seed";
import { parseRegionsCsv } from "../../domain/regions";
import type { MppVisit } from "../../domain/visit";
import { REGIONS_CSV_PATH } from "../db/seed";

export function mppVisit(mpp: MppInfo, position: { lat: number; lon: number }): MppVisit {
  const cited = new Set<string>([...(mpp.address?.sources ?? []), ...mpp.hours.flatMap((h) => h.sources)]);
  return {
    regionCode: mpp.region,
    name: mpp.name,
    address: mpp.address ? { text: mpp.address.text, note: mpp.address.note } : null,
    hours: mpp.hours.map((h) => ({ label: h.label, from: h.from, until: h.until, text: hoursText(h), note: h.note })),
    contact: null,
    position: { lat: position.lat, lon: position.lon, approximate: true },
    sources: mpp.sources.filter((s) => cited.has(s.id)).map(formatSource),
  };
}

let cached: Map<string, MppVisit> | null = null;

/** The visit card of a region's physical MPP, or null when the data has no facts for one. */
export function visitFor(code: string): MppVisit | null {
  if (!cached) {
    const regions = parseRegionsCsv(readFileSync(REGIONS_CSV_PATH, "utf8"), "src/domain/catalog/kabkota-jabar.csv");
    const mpps = defaultMpps(regions);
    cached = new Map(regions.flatMap((r) => {
      const m = mpps.get(r.code);
      return m ? [[r.code, mppVisit(m, { lat: r.lat, lon: r.lon })] as const] : [];
    }));
  }
  return cached.get(code) ?? null;
}
