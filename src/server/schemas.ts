// JSON Schemas of the API: params, querystrings and responses. Fastify validates input with them
// and serializes output through them (fast-json-stringify: fast, and strict about the shape);
// openapi.ts builds the OpenAPI document from the same objects, so the two cannot drift.

const nullable = (type: "string" | "integer" | "number") => ({ type: [type, "null"] });

export const physicalMppSchema = {
  type: "object",
  required: ["status", "note", "source"],
  properties: {
    status: { type: "string", enum: ["yes", "planned", "no", "unknown"] },
    note: nullable("string"),
    source: nullable("string"),
  },
} as const;

const regionSummaryProperties = {
  code: { type: "string", pattern: "^\\d{4}$" },
  name: { type: "string" },
  type: { type: "string", enum: ["kabupaten", "kota"] },
  seat: { type: "string" },
  lat: { type: "number" },
  lon: { type: "number" },
  physicalMpp: physicalMppSchema,
  agencyCount: { type: "integer" },
  serviceCount: { type: "integer" },
} as const;
const regionSummaryRequired = Object.keys(regionSummaryProperties);

export const regionSummarySchema = {
  type: "object",
  required: regionSummaryRequired,
  properties: regionSummaryProperties,
} as const;

export const counterSchema = {
  type: "object",
  required: ["id", "label"],
  properties: { id: { type: "string" }, label: { type: "string" } },
} as const;

export const agencySchema = {
  type: "object",
  required: ["id", "slug", "name", "nameEn", "shortName", "level", "counters", "serviceCount", "note"],
  properties: {
    id: { type: "string" },
    slug: { type: "string" },
    name: { type: "string" },
    nameEn: { type: "string" },
    shortName: { type: "string" },
    level: { type: "string", enum: ["nasional", "provinsi", "daerah", "bumn", "bumd"] },
    counters: { type: "array", items: counterSchema },
    serviceCount: { type: "integer" },
    note: nullable("string"),
  },
} as const;

export const regionDetailSchema = {
  type: "object",
  required: [...regionSummaryRequired, "agencies"],
  properties: { ...regionSummaryProperties, agencies: { type: "array", items: agencySchema } },
} as const;

export const feeSchema = {
  type: "object",
  required: ["amount", "note"],
  properties: { amount: { type: ["integer", "null"], minimum: 0 }, note: nullable("string") },
} as const;

const serviceSummaryProperties = {
  id: { type: "string" },
  regionCode: { type: "string" },
  agencyId: { type: "string" },
  agencySlug: { type: "string" },
  agencyName: { type: "string" },
  slug: { type: "string" },
  name: { type: "string" },
  nameEn: { type: "string" },
  fee: feeSchema,
  verified: { type: "boolean" },
} as const;
const serviceSummaryRequired = Object.keys(serviceSummaryProperties);

export const serviceSummarySchema = {
  type: "object",
  required: serviceSummaryRequired,
  properties: serviceSummaryProperties,
} as const;

export const complaintChannelSchema = {
  type: "object",
  required: ["kind", "label", "value"],
  properties: {
    kind: { type: "string", enum: ["lapor", "email", "phone", "whatsapp", "web", "counter"] },
    label: { type: "string" },
    value: nullable("string"),
  },
} as const;

const stringList = { type: "array", items: { type: "string" } } as const;

const serviceProperties = {
  ...serviceSummaryProperties,
  regionName: { type: "string" },
  description: { type: "string" },
  requirements: stringList,
  steps: stringList,
  duration: nullable("string"),
  hours: nullable("string"),
  legalBasis: stringList,
  product: nullable("string"),
  complaintChannels: { type: "array", items: complaintChannelSchema },
  onlineUrl: nullable("string"),
  source: nullable("string"),
  lastVerified: nullable("string"),
} as const;

export const serviceSchema = {
  type: "object",
  required: Object.keys(serviceProperties),
  properties: serviceProperties,
} as const;

export const searchHitSchema = {
  type: "object",
  required: ["service", "regionName", "score"],
  properties: { service: serviceSummarySchema, regionName: { type: "string" }, score: { type: "number" } },
} as const;

export const searchResultSchema = {
  type: "object",
  required: ["query", "region", "total", "hits"],
  properties: {
    query: { type: "string" },
    region: nullable("string"),
    total: { type: "integer" },
    hits: { type: "array", items: searchHitSchema },
  },
} as const;

export const healthSchema = {
  type: "object",
  required: ["status", "version", "regions", "services", "dataUpdatedAt"],
  properties: {
    status: { type: "string", enum: ["ok"] },
    version: { type: "string" },
    regions: { type: "integer" },
    services: { type: "integer" },
    dataUpdatedAt: { type: "string" },
  },
} as const;

export const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
} as const;

// ---- input ----

export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;

export const regionCodeParam = {
  type: "string",
  pattern: "^\\d{4}$",
  description: "Kemendagri code of the kabupaten/kota, e.g. 3273",
} as const;
export const serviceIdParam = {
  type: "string",
  maxLength: 120,
  pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)+$",
  description: "regionCode-agencySlug-serviceSlug, e.g. 3273-imigrasi-paspor-biasa",
} as const;
const queryParam = { type: "string", maxLength: MAX_QUERY_LENGTH, description: "words to look for (case- and accent-insensitive)" } as const;

export const regionParamsSchema = {
  type: "object", required: ["code"], additionalProperties: false, properties: { code: regionCodeParam },
} as const;
export const serviceParamsSchema = {
  type: "object", required: ["id"], additionalProperties: false, properties: { id: serviceIdParam },
} as const;
export const servicesQuerySchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    agency: { type: "string", maxLength: 40, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "agency slug, e.g. imigrasi" },
    q: queryParam,
  },
} as const;
export const searchQuerySchema = {
  type: "object",
  required: ["q"],
  additionalProperties: false,
  properties: {
    q: { ...queryParam, minLength: 1 },
    region: { ...regionCodeParam, description: "only services of this kabupaten/kota" },
    limit: { type: "integer", minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT },
  },
} as const;

/** Wraps a body schema as a response map with the error responses every route can give. */
export function responses(ok: object, errors: number[] = []) {
  const map: Record<number, object> = { 200: ok };
  for (const status of errors) map[status] = errorSchema;
  return map;
}

export const regionsResponse = {
  type: "object", required: ["regions"], properties: { regions: { type: "array", items: regionSummarySchema } },
} as const;
export const regionResponse = { type: "object", required: ["region"], properties: { region: regionDetailSchema } } as const;
export const servicesResponse = {
  type: "object",
  required: ["region", "services"],
  properties: { region: { type: "string" }, services: { type: "array", items: serviceSummarySchema } },
} as const;
export const serviceResponse = { type: "object", required: ["service"], properties: { service: serviceSchema } } as const;
