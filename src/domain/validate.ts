// Runtime validation of every API answer against the same schemas the server declares
// (types.ts). The app runs it on each JSON body so a malformed or truncated response is rejected
// with a message naming the bad field path (e.g. "body.regions[3].physicalMpp.status: expected one
// of yes/planned/no/unknown") instead of failing later inside a kiosk. Each validator returns a
// fresh value with the declared keys only.
//
// Why a small interpreter of the JSON Schema subset types.ts uses, instead of TypeBox's Value or
// TypeCompiler: the compiler builds code with new Function (refused by our CSP), Value adds some
// tens of KB to the first-load bundle, and neither names paths the way our messages do. The subset
// is closed: a schema keyword this walker does not know fails loudly (test/domain/validate.test.ts).
import type { Static, TSchema } from "@sinclair/typebox";
import {
  ApiErrorBodySchema, HealthSchema, RegionAnswer, RegionsAnswer, SearchResultSchema, ServiceAnswer, ServicesAnswer,
  type Service,
} from "./types";

export class ValidationError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = "ValidationError";
  }
}

interface Schema {
  type?: string | string[];
  enum?: readonly unknown[];
  properties?: Record<string, Schema>;
  required?: readonly string[];
  items?: Schema;
  pattern?: string;
  minimum?: number;
}

const KNOWN = new Set([
  "type", "enum", "properties", "required", "items", "pattern", "minimum", "description", "additionalProperties", "default",
  "minLength", "maxLength", "maximum",
]);

const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Whether v is of the JSON schema type; undefined for a type this does not know. */
export function isOfJsonType(type: string, v: unknown): boolean | undefined {
  switch (type) {
    case "null": return v === null;
    case "string": return typeof v === "string";
    case "boolean": return typeof v === "boolean";
    case "number": return typeof v === "number" && Number.isFinite(v);
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "array": return Array.isArray(v);
    case "object": return typeof v === "object" && v !== null && !Array.isArray(v);
    default: return undefined;
  }
}

function typeMatches(type: string, v: unknown): boolean {
  const ok = isOfJsonType(type, v);
  if (ok === undefined) throw new Error(`validate: unsupported schema type ${type}`);
  return ok;
}

const patterns = new Map<string, RegExp>();

/** Checks v against the schema; returns a copy holding only declared object keys. */
export function check(given: Schema | TSchema, v: unknown, path: string): unknown {
  const schema = given as Schema;
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`validate: unsupported schema keyword ${key} at ${path}`);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => typeMatches(t, v))) {
    const want = types.map((t) => (t === "number" ? "a finite number" : t === "integer" ? "an integer" : t === "object" || t === "array" ? `an ${t}` : t === "null" ? "null" : `a ${t}`)).join(" or ");
    throw new ValidationError(path, `expected ${want}, got ${typeof v === "number" ? v : describe(v)}`);
  }
  if (v === null) return null;
  if (schema.enum && !schema.enum.includes(v)) {
    throw new ValidationError(path, `expected one of ${schema.enum.join("/")}, got ${JSON.stringify(v)}`);
  }
  if (typeof v === "number" && schema.minimum !== undefined && v < schema.minimum) {
    throw new ValidationError(path, `expected at least ${schema.minimum}, got ${v}`);
  }
  if (typeof v === "string" && schema.pattern !== undefined) {
    let re = patterns.get(schema.pattern);
    if (!re) patterns.set(schema.pattern, (re = new RegExp(schema.pattern, "u")));
    if (!re.test(v)) throw new ValidationError(path, `expected the form ${schema.pattern}, got ${JSON.stringify(v)}`);
  }
  if (Array.isArray(v)) return schema.items ? v.map((item, i) => check(schema.items!, item, `${path}[${i}]`)) : [...v];
  if (typeof v === "object" && schema.properties) {
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!(key in src)) {
        if (required.has(key)) throw new ValidationError(`${path}.${key}`, "missing");
        continue;
      }
      out[key] = check(sub, src[key], `${path}.${key}`);
    }
    return out;
  }
  return v;
}

const validator = <S extends TSchema>(schema: S) => (body: unknown): Static<S> => check(schema as Schema, body, "body") as Static<S>;

/** A verified record must name its source and date (the honesty rule of the domain README). */
function checkHonest(s: Service, p: string): void {
  if (s.verified && (s.source === null || s.lastVerified === null)) {
    throw new ValidationError(`${p}.verified`, "a verified record needs a source and lastVerified");
  }
}

export const validateRegions = validator(RegionsAnswer);
export const validateRegion = validator(RegionAnswer);
export const validateServices = validator(ServicesAnswer);
const serviceAnswer = validator(ServiceAnswer);
export function validateService(body: unknown): Static<typeof ServiceAnswer> {
  const out = serviceAnswer(body);
  checkHonest(out.service, "body.service");
  return out;
}
export const validateSearchResult = validator(SearchResultSchema);
export const validateHealth = validator(HealthSchema);
export const validateApiErrorBody = validator(ApiErrorBodySchema);
