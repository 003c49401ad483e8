// Step 1: the region list. The same table (src/domain/catalog/kabkota-jabar.csv) and the same strict
// parser (src/domain/regions.ts) as the API's seed, so the buildings and the data cannot disagree;
// on top, what the map layout needs: every seat inside Jawa Barat, the expected number of regions,
// and a stable order.
import { parseRegionsCsv as parseRegionTable } from "../../src/domain/regions";
import type { PhysicalMppStatus, RegionType } from "../../src/domain/types";

export const NAME = "regions-csv";

/** Where the region table lives, relative to the repository root. */
export const REGIONS_CSV = "src/domain/catalog/kabkota-jabar.csv";

export interface RegionRow {
  code: string;
  type: RegionType;
  name: string;
  seat: string;
  lat: number;
  lon: number;
  physicalMpp: PhysicalMppStatus;
}

export interface Options {
  /** Shown in error messages, e.g. the file path. */
  source?: string;
  /** Exact number of rows expected; 0 accepts any number. */
  expectedRows?: number;
}

export const DEFAULTS: Required<Options> = { source: "kabkota-jabar.csv", expectedRows: 27 };

// Jawa Barat lies within about 5.8..7.9 S, 106.3..108.9 E: a seat outside is a typo that would put a
// building in the sea.
const LAT = [-8, -5.5] as const;
const LON = [106, 109] as const;

export function parseRegionsCsv(text: string, options: Options = {}): RegionRow[] {
  const opts = { ...DEFAULTS, ...options };
  const rows = parseRegionTable(text, opts.source).map((r): RegionRow => {
    if (r.lat < LAT[0] || r.lat > LAT[1]) throw new Error(`${NAME}: ${opts.source}: region ${r.code}: lat ${r.lat} is not in Jawa Barat (${LAT.join("..")})`);
    if (r.lon < LON[0] || r.lon > LON[1]) throw new Error(`${NAME}: ${opts.source}: region ${r.code}: lon ${r.lon} is not in Jawa Barat (${LON.join("..")})`);
    return { code: r.code, type: r.type, name: r.name, seat: r.seat, lat: r.lat, lon: r.lon, physicalMpp: r.physicalMpp.status };
  });
  if (opts.expectedRows > 0 && rows.length !== opts.expectedRows) {
    throw new Error(`${NAME}: ${opts.source}: expected ${opts.expectedRows} regions, found ${rows.length}`);
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
