// Runtime validators for every API response shape. The app runs them on each JSON body so a
// malformed or truncated response is rejected with a message naming the bad field path
// (e.g. "regions[3].physicalMpp.status: expected one of yes/planned/no/unknown") instead of
// failing later inside a kiosk. Each validator returns a fresh typed value with known keys only.
import type {
  Agency, ApiErrorBody, ComplaintChannel, Counter, Fee, Health, PhysicalMpp, RegionDetail,
  RegionSummary, SearchHit, SearchResult, Service, ServiceSummary,
} from "./types";

export class ValidationError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = "ValidationError";
  }
}

type Check<T> = (value: unknown, path: string) => T;

const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const str: Check<string> = (v, p) => {
  if (typeof v !== "string") throw new ValidationError(p, `expected a string, got ${describe(v)}`);
  return v;
};
const num: Check<number> = (v, p) => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ValidationError(p, `expected a finite number, got ${describe(v)}`);
  return v;
};
const int: Check<number> = (v, p) => {
  const n = num(v, p);
  if (!Number.isInteger(n) || n < 0) throw new ValidationError(p, `expected a non-negative integer, got ${n}`);
  return n;
};
const bool: Check<boolean> = (v, p) => {
  if (typeof v !== "boolean") throw new ValidationError(p, `expected a boolean, got ${describe(v)}`);
  return v;
};
const nullable = <T>(check: Check<T>): Check<T | null> => (v, p) => (v === null ? null : check(v, p));
const oneOf = <T extends string>(values: readonly T[]): Check<T> => (v, p) => {
  if (typeof v !== "string" || !(values as readonly string[]).includes(v)) {
    throw new ValidationError(p, `expected one of ${values.join("/")}, got ${JSON.stringify(v)}`);
  }
  return v as T;
};
const arr = <T>(check: Check<T>): Check<T[]> => (v, p) => {
  if (!Array.isArray(v)) throw new ValidationError(p, `expected an array, got ${describe(v)}`);
  return v.map((item, i) => check(item, `${p}[${i}]`));
};
const isoDate: Check<string> = (v, p) => {
  const s = str(v, p);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new ValidationError(p, `expected a YYYY-MM-DD date, got ${JSON.stringify(s)}`);
  return s;
};

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

function obj<T>(shape: Shape<T>, optional: ReadonlyArray<keyof T> = []): Check<T> {
  return (v, p) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ValidationError(p, `expected an object, got ${describe(v)}`);
    const src = v as Record<string, unknown>;
    const out = {} as T;
    for (const key of Object.keys(shape) as Array<keyof T & string>) {
      if (!(key in src)) {
        if (optional.includes(key)) continue;
        throw new ValidationError(`${p}.${key}`, "missing");
      }
      out[key] = shape[key](src[key], `${p}.${key}`);
    }
    return out;
  };
}

const physicalMpp = obj<PhysicalMpp>({
  status: oneOf(["yes", "planned", "no", "unknown"] as const),
  note: nullable(str),
  source: nullable(str),
});

const regionSummaryShape: Shape<RegionSummary> = {
  code: str, name: str, type: oneOf(["kabupaten", "kota"] as const), seat: str, lat: num, lon: num,
  physicalMpp, agencyCount: int, serviceCount: int,
};
const regionSummary = obj<RegionSummary>(regionSummaryShape);

const counter = obj<Counter>({ id: str, label: str });
const agency = obj<Agency>({
  id: str, slug: str, name: str, nameEn: str, shortName: str,
  level: oneOf(["nasional", "provinsi", "daerah", "bumn", "bumd"] as const),
  counters: arr(counter), serviceCount: int, note: nullable(str),
}, ["note"]);
const regionDetail = obj<RegionDetail>({ ...regionSummaryShape, agencies: arr(agency) });

const fee = obj<Fee>({ amount: nullable(int), note: nullable(str) });
const serviceSummaryShape: Shape<ServiceSummary> = {
  id: str, regionCode: str, agencyId: str, agencySlug: str, agencyName: str, slug: str, name: str,
  nameEn: str, fee, verified: bool,
};
const serviceSummary = obj<ServiceSummary>(serviceSummaryShape);
const complaintChannel = obj<ComplaintChannel>({
  kind: oneOf(["lapor", "email", "phone", "whatsapp", "web", "counter"] as const),
  label: str,
  value: nullable(str),
});
const serviceFull = obj<Service>({
  ...serviceSummaryShape,
  regionName: str, description: str, requirements: arr(str), steps: arr(str), duration: nullable(str),
  hours: nullable(str), legalBasis: arr(str), product: nullable(str), complaintChannels: arr(complaintChannel),
  onlineUrl: nullable(str), source: nullable(str), lastVerified: nullable(isoDate),
});
const searchHit = obj<SearchHit>({ service: serviceSummary, regionName: str, score: num });

/** A verified record must name its source and date (the honesty rule of the domain README). */
function checkHonest(s: Service, p: string): Service {
  if (s.verified && (s.source === null || s.lastVerified === null)) {
    throw new ValidationError(`${p}.verified`, "a verified record needs a source and lastVerified");
  }
  return s;
}

export function validateRegions(body: unknown): { regions: RegionSummary[] } {
  return obj<{ regions: RegionSummary[] }>({ regions: arr(regionSummary) })(body, "body");
}

export function validateRegion(body: unknown): { region: RegionDetail } {
  return obj<{ region: RegionDetail }>({ region: regionDetail })(body, "body");
}

export function validateServices(body: unknown): { region: string; services: ServiceSummary[] } {
  return obj<{ region: string; services: ServiceSummary[] }>({ region: str, services: arr(serviceSummary) })(body, "body");
}

export function validateService(body: unknown): { service: Service } {
  const out = obj<{ service: Service }>({ service: serviceFull })(body, "body");
  checkHonest(out.service, "body.service");
  return out;
}

export function validateSearchResult(body: unknown): SearchResult {
  return obj<SearchResult>({ query: str, region: nullable(str), total: int, hits: arr(searchHit) })(body, "body");
}

export function validateHealth(body: unknown): Health {
  return obj<Health>({
    status: oneOf(["ok"] as const), version: str, regions: int, services: int, dataUpdatedAt: str,
  })(body, "body");
}

export function validateApiErrorBody(body: unknown): ApiErrorBody {
  return obj<ApiErrorBody>({ error: obj<ApiErrorBody["error"]>({ code: str, message: str }) })(body, "body");
}
