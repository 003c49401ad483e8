// Turns the kabupaten/kota table (catalog/kabkota-jabar.csv, a copy of shared/domain/kabkota-jabar.csv)
// into typed region records. Strict: a bad value names its line and column, so a broken edit of the
// table stops the seed instead of producing a half-filled database.
import { CsvError, parseCsvRecords } from "./csv";
import { isRegionCode } from "./ids";
import { MPP_STATUSES, REGION_TYPES, type PhysicalMpp, type PhysicalMppStatus, type RegionType } from "./types";

export const REGION_CSV_HEADER = [
  "code", "type", "name", "seat", "lat", "lon", "physical_mpp", "physical_mpp_note", "source",
] as const;

/** A region as the seed knows it: the summary without the derived counts. */
export interface RegionRecord {
  code: string;
  type: RegionType;
  name: string;
  seat: string;
  lat: number;
  lon: number;
  physicalMpp: PhysicalMpp;
}

const STATUSES: readonly string[] = MPP_STATUSES;
const TYPES: readonly string[] = REGION_TYPES;

export function parseRegionsCsv(text: string, source = "kabkota-jabar.csv"): RegionRecord[] {
  const col = (name: (typeof REGION_CSV_HEADER)[number]) => REGION_CSV_HEADER.indexOf(name) + 1;
  const seen = new Set<string>();
  return parseCsvRecords(text, REGION_CSV_HEADER, source).map(({ line, record: r }) => {
    const fail = (name: (typeof REGION_CSV_HEADER)[number], detail: string): never => {
      throw new CsvError(source, line, col(name), `${name}: ${detail}`);
    };
    if (!isRegionCode(r.code)) fail("code", `expected four digits, got ${JSON.stringify(r.code)}`);
    if (seen.has(r.code)) fail("code", `duplicate code ${r.code}`);
    seen.add(r.code);
    if (!TYPES.includes(r.type)) fail("type", `expected ${TYPES.join(" or ")}, got ${JSON.stringify(r.type)}`);
    if (r.name.trim() === "") fail("name", "empty");
    if (r.seat.trim() === "") fail("seat", "empty");
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (r.lat.trim() === "" || !Number.isFinite(lat) || lat < -90 || lat > 90) fail("lat", `expected a latitude, got ${JSON.stringify(r.lat)}`);
    if (r.lon.trim() === "" || !Number.isFinite(lon) || lon < -180 || lon > 180) fail("lon", `expected a longitude, got ${JSON.stringify(r.lon)}`);
    if (!STATUSES.includes(r.physical_mpp)) {
      fail("physical_mpp", `expected one of ${STATUSES.join("/")}, got ${JSON.stringify(r.physical_mpp)}`);
    }
    return {
      code: r.code,
      type: r.type as RegionType,
      name: r.name.trim(),
      seat: r.seat.trim(),
      lat,
      lon,
      physicalMpp: {
        status: r.physical_mpp as PhysicalMppStatus,
        note: r.physical_mpp_note.trim() === "" ? null : r.physical_mpp_note.trim(),
        source: r.source.trim() === "" ? null : r.source.trim(),
      },
    };
  });
}
