// The JSON API v1: regions, services, search, health, and the OpenAPI document. Handlers are
// async (the repository reads either engine); request types come from the same schemas fastify
// validates with.
import type { Static } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "../errors";
import { CACHE_DATA, CACHE_NO_STORE } from "../http/cache";
import type { Repository } from "../data/repository";
import {
  DEFAULT_SEARCH_LIMIT, healthSchema, regionParamsSchema, regionResponse, regionsResponse, responses,
  searchQuerySchema, searchResultSchema, serviceParamsSchema, serviceResponse, servicesQuerySchema, servicesResponse,
} from "../schemas";
import { buildOpenApi } from "./openapi";
import { registerReadOnly, type RouteSpec } from "./registry";

export const API_PREFIX = "/api/v1";

type Req<P = unknown, Q = unknown> = FastifyRequest<{ Params: P; Querystring: Q }>;
type RegionParams = Static<typeof regionParamsSchema>;
type ServiceParams = Static<typeof serviceParamsSchema>;
type ServicesQuery = Static<typeof servicesQuerySchema>;
type SearchQuery = Static<typeof searchQuerySchema>;

export function apiRoutes(repo: Repository): RouteSpec[] {
  const data = (reply: FastifyReply) => reply.header("cache-control", CACHE_DATA);
  return [
    {
      path: "/regions",
      operationId: "listRegions",
      summary: "The 27 kabupaten/kota of Jawa Barat with their physical-MPP status and counts",
      schema: { response: responses(regionsResponse) },
      handler: async (_req, reply) => {
        data(reply);
        return { regions: await repo.regions() };
      },
    },
    {
      path: "/regions/:code",
      operationId: "getRegion",
      summary: "One kabupaten/kota with its agencies and their counters",
      schema: { params: regionParamsSchema, response: responses(regionResponse, [400, 404]) },
      handler: async (req, reply) => {
        const { code } = (req as Req<RegionParams>).params;
        const region = await repo.region(code);
        if (!region) throw new HttpError("region_not_found", `No kabupaten/kota with code ${code} in Jawa Barat.`);
        data(reply);
        return { region };
      },
    },
    {
      path: "/regions/:code/services",
      operationId: "listRegionServices",
      summary: "The services offered in one kabupaten/kota's MPP, optionally filtered by agency slug and words",
      schema: { params: regionParamsSchema, querystring: servicesQuerySchema, response: responses(servicesResponse, [400, 404]) },
      handler: async (req, reply) => {
        const r = req as Req<RegionParams, ServicesQuery>;
        const { code } = r.params;
        const services = await repo.services(code, { agency: r.query.agency, q: r.query.q });
        if (!services) throw new HttpError("region_not_found", `No kabupaten/kota with code ${code} in Jawa Barat.`);
        data(reply);
        return { region: code, services };
      },
    },
    {
      path: "/services/:id",
      operationId: "getService",
      summary: "One service in full: requirements, steps, fee, duration, hours, legal basis, source and verification",
      schema: { params: serviceParamsSchema, response: responses(serviceResponse, [400, 404]) },
      handler: async (req, reply) => {
        const { id } = (req as Req<ServiceParams>).params;
        const service = await repo.service(id);
        if (!service) throw new HttpError("service_not_found", `No service with id ${id}.`);
        data(reply);
        return { service };
      },
    },
    {
      path: "/search",
      operationId: "search",
      summary: "Services matching the words across regions (or in one), ranked: the visitor's region first, then names above descriptions, exact words above prefixes, typos last; paged, with counts per region",
      schema: { querystring: searchQuerySchema, response: responses(searchResultSchema, [400, 404]) },
      handler: async (req, reply) => {
        const { q, region, near, limit, offset } = (req as Req<unknown, SearchQuery>).query;
        if (q.trim() === "") throw new HttpError("query_missing");
        for (const code of [region, near]) {
          if (code !== undefined && !await repo.region(code)) {
            throw new HttpError("region_not_found", `No kabupaten/kota with code ${code} in Jawa Barat.`);
          }
        }
        data(reply);
        return await repo.search(q, { region: region ?? null, near: near ?? null, limit: limit ?? DEFAULT_SEARCH_LIMIT, offset: offset ?? 0 });
      },
    },
    {
      path: "/health",
      operationId: "health",
      summary: "Liveness and data freshness",
      schema: { response: responses(healthSchema) },
      handler: async (_req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        return await repo.health();
      },
    },
  ];
}

/**
 * Registers the API under /api/v1, including /api/v1/openapi.json built from the same routes and
 * from `documented`: routes registered elsewhere (the officers' routes, src/server/officers.ts).
 */
export function registerApi(app: FastifyInstance, repo: Repository, version: string, documented: readonly RouteSpec[] = []): void {
  const routes = apiRoutes(repo);
  for (const r of routes) registerReadOnly(app, `${API_PREFIX}${r.path}`, { schema: r.schema, handler: r.handler });
  const openapi = JSON.stringify(buildOpenApi([...routes, ...documented], { prefix: API_PREFIX, version }));
  registerReadOnly(app, `${API_PREFIX}/openapi.json`, {
    handler: async (_req, reply) => reply.header("cache-control", CACHE_DATA).type("application/json; charset=utf-8").send(openapi),
  });
}
