// The API's request and response schemas, built from the one declaration of each shape in
// src/domain/types.ts (TypeBox). Fastify validates input with them and serializes output through
// them (fast-json-stringify: fast, and strict about the shape); openapi.ts builds the OpenAPI
// document from the same objects, and the app validates answers with them (domain/validate.ts).
import { Type, type TSchema } from "@sinclair/typebox";
import {
  ApiErrorBodySchema, HealthSchema, RegionAnswer, RegionsAnswer, SearchResultSchema, ServiceAnswer, ServicesAnswer,
} from "../domain/types";
import { MAX_SEARCH_QUERY_LENGTH } from "../domain/search";

export const errorSchema = ApiErrorBodySchema;
export const healthSchema = HealthSchema;
export const searchResultSchema = SearchResultSchema;
export const regionsResponse = RegionsAnswer;
export const regionResponse = RegionAnswer;
export const servicesResponse = ServicesAnswer;
export const serviceResponse = ServiceAnswer;

// ---- input ----

export const MAX_QUERY_LENGTH = MAX_SEARCH_QUERY_LENGTH;
export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;

export const regionCodeParam = Type.String({ pattern: "^\\d{4}$", description: "Kemendagri code of the kabupaten/kota, e.g. 3273" });
export const serviceIdParam = Type.String({
  maxLength: 120,
  pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)+$",
  description: "regionCode-agencySlug-serviceSlug, e.g. 3273-imigrasi-paspor-biasa",
});
const queryParam = { maxLength: MAX_QUERY_LENGTH, description: "words to look for (case- and accent-insensitive)" };

export const regionParamsSchema = Type.Object({ code: regionCodeParam }, { additionalProperties: false });
export const serviceParamsSchema = Type.Object({ id: serviceIdParam }, { additionalProperties: false });
export const servicesQuerySchema = Type.Object({
  agency: Type.Optional(Type.String({ maxLength: 40, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "agency slug, e.g. imigrasi" })),
  q: Type.Optional(Type.String(queryParam)),
}, { additionalProperties: false });
export const searchQuerySchema = Type.Object({
  q: Type.String({ ...queryParam, minLength: 1 }),
  region: Type.Optional(Type.String({ ...regionCodeParam, description: "only services of this kabupaten/kota" })),
  near: Type.Optional(Type.String({ ...regionCodeParam, description: "the visitor's kabupaten/kota (lobby, building, or chosen): its services come first" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: "hits to skip (the next page)" })),
}, { additionalProperties: false });

/** Wraps a body schema as a response map with the error responses every route can give. */
export function responses(ok: TSchema, errors: number[] = []): Record<number, TSchema> {
  const map: Record<number, TSchema> = { 200: ok };
  for (const status of errors) map[status] = errorSchema;
  return map;
}
