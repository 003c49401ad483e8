// Step 1: the region list, parsed strictly from data/kabkota-jabar.csv (a copy of
// shared/domain/kabkota-jabar.csv, so CI needs nothing outside the repo).
import type { PhysicalMppStatus, RegionType } from "../../src/domain/types";

export const NAME = "regions-csv";

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

const HEADER = ["code", "type", "name", "seat", "lat", "lon", "physical_mpp", "physical_mpp_note", "source"];
const STATUSES: readonly PhysicalMppStatus[] = ["yes", "planned", "no", "unknown"];

/** Splits one CSV line; supports "quoted, fields" with "" escapes, as RFC 4180 does. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (quoted) throw new Error("unterminated quoted field");
  out.push(cur);
  return out;
}

/** Parses the CSV text; throws `regions-csv: <source> line N: <what is wrong>` on the first bad row. */
export function parseRegionsCsv(text: string, options: Options = {}): RegionRow[] {
  const opts = { ...DEFAULTS, ...options };
  const fail = (line: number, msg: string): never => {
    throw new Error(`${NAME}: ${opts.source} line ${line}: ${msg}`);
  };
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) fail(1, "empty file, expected a header");
  const header = (lines[0] as string).split(",");
  if (header.join(",") !== HEADER.join(",")) fail(1, `header must be "${HEADER.join(",")}"`);

  const rows: RegionRow[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i] as string;
    if (line.trim() === "") fail(lineNo, "empty line");
    let f: string[] = [];
    try {
      f = splitCsvLine(line);
    } catch (e) {
      fail(lineNo, (e as Error).message);
    }
    if (f.length !== HEADER.length) fail(lineNo, `expected ${HEADER.length} fields, found ${f.length}`);
    const [code, type, name, seat, lat, lon, status] = f as [string, string, string, string, string, string, string];
    if (!/^32\d\d$/.test(code)) fail(lineNo, `code "${code}" is not a 4-digit Jawa Barat code (32xx)`);
    if (seen.has(code)) fail(lineNo, `duplicate code ${code}`);
    seen.add(code);
    if (type !== "kabupaten" && type !== "kota") fail(lineNo, `type "${type}" must be kabupaten or kota`);
    if (name.trim() === "") fail(lineNo, "name is empty");
    if (seat.trim() === "") fail(lineNo, "seat is empty");
    const latN = Number(lat);
    const lonN = Number(lon);
    // Jawa Barat lies within about 5.8..7.9 S, 106.3..108.9 E: anything else is a typo.
    if (lat.trim() === "" || !Number.isFinite(latN) || latN < -8 || latN > -5.5) {
      fail(lineNo, `lat "${lat}" is not a latitude in Jawa Barat (-8..-5.5)`);
    }
    if (lon.trim() === "" || !Number.isFinite(lonN) || lonN < 106 || lonN > 109) {
      fail(lineNo, `lon "${lon}" is not a longitude in Jawa Barat (106..109)`);
    }
    if (!STATUSES.includes(status as PhysicalMppStatus)) {
      fail(lineNo, `physical_mpp "${status}" must be one of ${STATUSES.join(", ")}`);
    }
    rows.push({
      code,
      type: type as RegionType,
      name,
      seat,
      lat: latN,
      lon: lonN,
      physicalMpp: status as PhysicalMppStatus,
    });
  }
  if (opts.expectedRows > 0 && rows.length !== opts.expectedRows) {
    throw new Error(`${NAME}: ${opts.source}: expected ${opts.expectedRows} regions, found ${rows.length}`);
  }
  // Stable order by code, whatever the file order.
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
