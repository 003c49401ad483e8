// The server-rendered HTML fallback at /layanan (Indonesian by default, ?lang=en for English):
// what the app links to when WebGL is missing, and what works with JavaScript switched off.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Lang } from "../../domain/format";
import { CACHE_DATA } from "../http/cache";
import { notFoundPage, regionPage, regionsPage, servicePage } from "../html/render";
import type { Repository } from "../data/repository";
import { regionCodeParam, serviceIdParam } from "../schemas";
import { registerReadOnly } from "./registry";

const langQuery = {
  type: "object",
  properties: { lang: { type: "string", maxLength: 10 } },
} as const;

type Req = FastifyRequest<{ Params: { code?: string; id?: string }; Querystring: { lang?: string } }>;

const langOf = (req: Req): Lang => (req.query.lang === "en" ? "en" : "id");

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header("cache-control", status === 200 ? CACHE_DATA : "no-store")
    .type("text/html; charset=utf-8").send(body);
}

export function registerLayanan(app: FastifyInstance, repo: Repository): void {
  registerReadOnly(app, "/layanan", {
    schema: { querystring: langQuery },
    handler: async (req, reply) => html(reply, 200, regionsPage(await repo.regions(), langOf(req as Req))),
  });
  registerReadOnly(app, "/layanan/:code", {
    schema: { querystring: langQuery, params: { type: "object", required: ["code"], properties: { code: regionCodeParam } } },
    handler: async (request, reply) => {
      const req = request as Req;
      const lang = langOf(req);
      const region = await repo.region(req.params.code!);
      if (!region) return html(reply, 404, notFoundPage(lang, `${req.params.code}`));
      return html(reply, 200, regionPage(region, await repo.services(region.code) ?? [], lang));
    },
  });
  registerReadOnly(app, "/layanan/:code/:id", {
    schema: {
      querystring: langQuery,
      params: { type: "object", required: ["code", "id"], properties: { code: regionCodeParam, id: serviceIdParam } },
    },
    handler: async (request, reply) => {
      const req = request as Req;
      const lang = langOf(req);
      const service = await repo.service(req.params.id!);
      if (!service || service.regionCode !== req.params.code) return html(reply, 404, notFoundPage(lang, `${req.params.id}`));
      return html(reply, 200, servicePage(service, lang));
    },
  });
}
