// The server-rendered HTML version at /layanan (Indonesian by default, ?lang=en or ?lang=su):
// what the app's toolbar links to as the light, accessible version, what the app falls back to
// when WebGL is missing, and what works with JavaScript switched off. Also its search
// (/layanan/cari), each service's checklist as a text file, its stylesheet and the favicon.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CACHE_DATA } from "../http/cache";
import { notFoundPage, regionPage, regionsPage, servicePage } from "../html/render";
import { searchPage, SEARCH_PAGE_SIZE } from "../html/search-page";
import { registerLayananAssets } from "../html/layanan-assets";
import type { Repository } from "../data/repository";
import { visitFor } from "../data/mpp-visits";
import { regionCodeParam, serviceIdParam } from "../schemas";
import { registerReadOnly } from "./registry";
import { isUiLang, type UiLang } from "../../domain/words/langs";
import { MAX_SEARCH_QUERY_LENGTH } from "../../domain/search";
import { serviceSheet } from "../../domain/service-sheet";
import { phrasebookFor } from "../../domain/words/files";
import { checklistFileName, checklistText } from "../../domain/checklist";
import { localizeVisit } from "../../domain/visit";

const langQuery = {
  type: "object",
  properties: { lang: { type: "string", maxLength: 10 } },
} as const;

type Req = FastifyRequest<{ Params: { code?: string; id?: string }; Querystring: { lang?: string; q?: string; region?: string; page?: string } }>;

const langOf = (req: Req): UiLang => (isUiLang(req.query.lang) ? req.query.lang : "id");

/** This site's origin for links a visitor takes away (share, checklist): PUBLIC_ORIGIN, else the request's. */
function originOf(req: FastifyRequest): string {
  const configured = process.env.PUBLIC_ORIGIN;
  if (configured && /^https?:\/\/[^/\s]+$/.test(configured)) return configured;
  return `${req.protocol}://${req.host}`;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header("cache-control", status === 200 ? CACHE_DATA : "no-store")
    .type("text/html; charset=utf-8").send(body);
}

const serviceParams = { type: "object", required: ["code", "id"], properties: { code: regionCodeParam, id: serviceIdParam } } as const;

export function registerLayanan(app: FastifyInstance, repo: Repository): void {
  registerLayananAssets(app);
  registerReadOnly(app, "/layanan", {
    schema: { querystring: langQuery },
    handler: async (req, reply) => html(reply, 200, regionsPage(await repo.regions(), langOf(req as Req))),
  });
  registerReadOnly(app, "/layanan/cari", {
    schema: {
      querystring: {
        type: "object",
        properties: {
          lang: { type: "string", maxLength: 10 },
          // Longer than the search allows, so a long query gets the page's own message, not a 400.
          q: { type: "string", maxLength: 2000 },
          region: { type: "string", maxLength: 10 },
          page: { type: "string", maxLength: 6 },
        },
      },
    },
    handler: async (request, reply) => {
      const req = request as Req;
      const lang = langOf(req);
      const query = (req.query.q ?? "").trim();
      const regions = await repo.regions();
      const region = regions.some((r) => r.code === req.query.region) ? req.query.region! : null;
      const pageNo = Math.max(1, Math.min(1000, Number.parseInt(req.query.page ?? "1", 10) || 1));
      const problem = query === "" ? "empty" as const : query.length > MAX_SEARCH_QUERY_LENGTH ? "tooLong" as const : null;
      const result = problem ? null : await repo.search(query, { region: region ?? undefined, limit: SEARCH_PAGE_SIZE, offset: (pageNo - 1) * SEARCH_PAGE_SIZE });
      return html(reply, 200, searchPage({ query, region, result, problem, maxLength: MAX_SEARCH_QUERY_LENGTH }, regions, lang));
    },
  });
  registerReadOnly(app, "/layanan/:code", {
    schema: { querystring: langQuery, params: { type: "object", required: ["code"], properties: { code: regionCodeParam } } },
    handler: async (request, reply) => {
      const req = request as Req;
      const lang = langOf(req);
      const region = await repo.region(req.params.code!);
      if (!region) return html(reply, 404, notFoundPage(lang, `${req.params.code}`));
      return html(reply, 200, regionPage(region, await repo.services(region.code) ?? [], lang, visitFor(region.code), await repo.regions()));
    },
  });
  registerReadOnly(app, "/layanan/:code/:id", {
    schema: { querystring: langQuery, params: serviceParams },
    handler: async (request, reply) => {
      const req = request as Req;
      const lang = langOf(req);
      const service = await repo.service(req.params.id!);
      if (!service || service.regionCode !== req.params.code) return html(reply, 404, notFoundPage(lang, `${req.params.id}`));
      return html(reply, 200, servicePage(service, lang, { origin: originOf(req), visit: visitFor(service.regionCode), regions: await repo.regions() }));
    },
  });
  registerReadOnly(app, "/layanan/:code/:id/daftar-periksa.txt", {
    schema: { querystring: langQuery, params: serviceParams },
    handler: async (request, reply) => {
      const req = request as Req;
      const lang = langOf(req);
      const service = await repo.service(req.params.id!);
      if (!service || service.regionCode !== req.params.code) return html(reply, 404, notFoundPage(lang, `${req.params.id}`));
      const url = `${originOf(req)}/layanan/${service.regionCode}/${service.id}${lang === "id" ? "" : `?lang=${lang}`}`;
      const visit = visitFor(service.regionCode);
      const sheet = serviceSheet(service, lang, phrasebookFor(lang));
      const text = checklistText({ ...sheet, verification: sheet.verification.text }, lang, url, visit ? localizeVisit(visit, lang, phrasebookFor(lang)) : null);
      return reply.code(200).header("cache-control", CACHE_DATA)
        .header("content-disposition", `attachment; filename="${checklistFileName(service.id, lang)}"`)
        .type("text/plain; charset=utf-8").send(text);
    },
  });
}
