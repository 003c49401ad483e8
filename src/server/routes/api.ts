// The JSON API v1: regions, services, search, health, and the OpenAPI document. Handlers are
// async (the repository reads either engine); request types come from the same schemas fastify
// validates with.
import type { Static } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import type { CatalogView } from "../data/catalog-view";
import { HttpError } from "../errors";
import { CACHE_DATA, CACHE_NO_STORE } from "../http/cache";
import { keep, sendKept } from "../http/representation";
import type { Repository } from "../data/repository";
import {
  DEFAULT_SEARCH_LIMIT, healthSchema, regionParamsSchema, regionResponse, regionsResponse, responses,
  searchQuerySchema, searchResultSchema, serviceParamsSchema, serviceResponse, servicesQuerySchema, servicesResponse,
} from "../schemas";
import { buildOpenApi } from "./openapi";
import { MppVisitAnswer } from "../../domain/visit";
import { visitFor } from "../data/mpp-visits";
import { registerReadOnly, type RouteSpec } from "./registry";

export const API_PREFIX = "/api/v1";

type Req<P = unknown, Q = unknown> = FastifyRequest<{ Params: P; Querystring: Q }>;
type RegionParams = Static<typeof regionParamsSchema>;
type ServiceParams = Static<typeof serviceParamsSchema>;
type ServicesQuery = Static<typeof servicesQuerySchema>;
type SearchQuery = Static<typeof searchQuerySchema>;

/**
 * A data route's handler: the answer is built by `make` from one catalog view, serialized through
 * the route's response schema once per data version and key, and sent as kept bytes with their
 * ETag (no JSON building or hashing per request while the data is unchanged). `keyOf` must name
 * every input the body depends on; make() throws HttpError for 4xx, which keeps nothing.
 * A repeated request whose version is known at once (SQLite's synchronous read, PostgreSQL's
 * within its TTL) and whose answer is kept is sent synchronously: no promise, no await.
 */
function kept<R extends FastifyRequest>(
  repo: Repository,
  keyOf: (req: R) => string,
  make: (view: CatalogView, req: R) => Promise<unknown> | unknown,
): RouteHandlerMethod {
  const slow = async (req: R, reply: FastifyReply, key: string) => {
    const view = await repo.view();
    const answer = await view.answer(key, async () => reply.serialize(await make(view, req)) as string);
    return sendKept(reply, answer, CACHE_DATA);
  };
  return (request, reply) => {
    const req = request as R;
    const key = keyOf(req);
    const answer = repo.viewNow()?.keptNow(key);
    if (answer === undefined) return slow(req, reply, key);
    sendKept(reply, answer, CACHE_DATA);
    return undefined;
  };
}

const regionNotFound = (code: string) => new HttpError("region_not_found", `No kabupaten/kota with code ${code} in Jawa Barat.`);

export function apiRoutes(repo: Repository): RouteSpec[] {
  return [
    {
      path: "/regions",
      operationId: "listRegions",
      summary: "The 27 kabupaten/kota of Jawa Barat with their physical-MPP status and counts",
      schema: { response: responses(regionsResponse) },
      handler: kept(repo, () => "regions", (view) => ({ regions: view.regions() })),
    },
    {
      path: "/regions/:code",
      operationId: "getRegion",
      summary: "One kabupaten/kota with its agencies and their counters",
      schema: { params: regionParamsSchema, response: responses(regionResponse, [400, 404]) },
      handler: kept<Req<RegionParams>>(repo, (req) => `region|${req.params.code}`, (view, req) => {
        const region = view.region(req.params.code);
        if (!region) throw regionNotFound(req.params.code);
        return { region };
      }),
    },
    {
      path: "/regions/:code/services",
      operationId: "listRegionServices",
      summary: "The services offered in one kabupaten/kota's MPP, optionally filtered by agency slug and words",
      schema: { params: regionParamsSchema, querystring: servicesQuerySchema, response: responses(servicesResponse, [400, 404]) },
      handler: kept<Req<RegionParams, ServicesQuery>>(
        repo,
        // JSON of the inputs: no separator inside a free-text q can make two inputs one key.
        (req) => `services|${JSON.stringify([req.params.code, req.query.agency ?? null, req.query.q ?? null])}`,
        async (view, req) => {
          const { code } = req.params;
          const services = await view.serviceList(code, { agency: req.query.agency, q: req.query.q });
          if (!services) throw regionNotFound(code);
          return { region: code, services };
        },
      ),
    },
    {
      path: "/regions/:code/mpp",
      operationId: "getRegionMpp",
      summary: "The region's physical MPP for a visit: address, opening hours, position (approximate) and contact where the data has them, with sources; null when none is known",
      schema: { params: regionParamsSchema, response: responses(MppVisitAnswer, [400, 404]) },
      handler: kept<Req<RegionParams>>(repo, (req) => `mpp|${req.params.code}`, (view, req) => {
        if (!view.region(req.params.code)) throw regionNotFound(req.params.code);
        return { mpp: visitFor(req.params.code) };
      }),
    },
    {
      path: "/services/:id",
      operationId: "getService",
      summary: "One service in full: requirements, steps, fee, duration, hours, legal basis, source and verification",
      schema: { params: serviceParamsSchema, response: responses(serviceResponse, [400, 404]) },
      handler: kept<Req<ServiceParams>>(repo, (req) => `service|${req.params.id}`, async (view, req) => {
        const service = await view.service(req.params.id);
        if (!service) throw new HttpError("service_not_found", `No service with id ${req.params.id}.`);
        return { service };
      }),
    },
    {
      path: "/search",
      operationId: "search",
      summary: "Services matching the words across regions (or in one), ranked: the visitor's region first, then names above descriptions, exact words above prefixes, typos last; paged, with counts per region",
      schema: { querystring: searchQuerySchema, response: responses(searchResultSchema, [400, 404]) },
      handler: kept<Req<unknown, SearchQuery>>(
        repo,
        (req) => `search|${JSON.stringify([req.query.q, req.query.region ?? null, req.query.near ?? null, req.query.limit ?? DEFAULT_SEARCH_LIMIT, req.query.offset ?? 0])}`,
        async (view, req) => {
          const { q, region, near, limit, offset } = req.query;
          if (q.trim() === "") throw new HttpError("query_missing");
          for (const code of [region, near]) {
            if (code !== undefined && !view.region(code)) throw regionNotFound(code);
          }
          return await view.search(q, { region: region ?? null, near: near ?? null, limit: limit ?? DEFAULT_SEARCH_LIMIT, offset: offset ?? 0 });
        },
      ),
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
  // Built once: the document depends on the code, not on the data.
  const openapi = keep(JSON.stringify(buildOpenApi([...routes, ...documented], { prefix: API_PREFIX, version })));
  registerReadOnly(app, `${API_PREFIX}/openapi.json`, {
    handler: async (_req, reply) => sendKept(reply, openapi, CACHE_DATA),
  });
}
