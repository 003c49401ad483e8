// The HTML pages without JavaScript: /layanan/tiket (look a code up), /layanan/tiket/{code} (status
// and answers) and /layanan/{region}/ikm (the satisfaction index, ?year=&semester=). A ticket page is
// never cached by anyone (no-store): it may change any minute and only its code holder should see it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isUiLang, type UiLang } from "../../domain/words/langs";
import { normalizeTrackingCode } from "../../domain/feedback/tickets";
import { todayWib } from "../../domain/time/wib";
import { ikmPage, ticketLookupPage, ticketPage } from "../html/feedback-pages";
import { notFoundPage, q } from "../html/render";
import { registerReadOnly } from "../routes/registry";
import { regionCodeParam } from "../schemas";
import type { FeedbackContext } from "./context";
import { periodOf, regionIkm } from "./surveys";
import { publicView, ticketByCode } from "./tickets";

type Req = FastifyRequest<{ Params: { code?: string }; Querystring: { lang?: string; kode?: string; year?: number; semester?: number } }>;

const langOf = (req: Req): UiLang => (isUiLang(req.query.lang) ? req.query.lang : "id");
const lang = { type: "string", maxLength: 10 } as const;

function html(reply: FastifyReply, status: number, body: string, cache: string): FastifyReply {
  return reply.code(status).header("cache-control", cache).type("text/html; charset=utf-8").send(body);
}

export function registerFeedbackPages(app: FastifyInstance, ctx: FeedbackContext): void {
  const now = () => new Date(ctx.now());
  registerReadOnly(app, "/layanan/tiket", {
    schema: { querystring: { type: "object", properties: { lang, kode: { type: "string", maxLength: 40 } } } },
    handler: async (request, reply) => {
      const req = request as Req;
      if (req.query.kode !== undefined) {
        const code = normalizeTrackingCode(req.query.kode);
        if (code) return reply.code(303).header("cache-control", "no-store").header("location", `/layanan/tiket/${code}${q(langOf(req))}`).send();
        return html(reply, 400, ticketLookupPage(langOf(req), true), "no-store");
      }
      return html(reply, 200, ticketLookupPage(langOf(req), false), "public, max-age=3600");
    },
  });
  registerReadOnly(app, "/layanan/tiket/:code", {
    schema: { querystring: { type: "object", properties: { lang } }, params: { type: "object", required: ["code"], properties: { code: { type: "string", maxLength: 40 } } } },
    handler: async (request, reply) => {
      const req = request as Req;
      const code = normalizeTrackingCode(req.params.code);
      const t = code ? await ticketByCode(ctx.db.kysely, code) : undefined;
      if (!t) return html(reply, 404, ticketLookupPage(langOf(req), true), "no-store");
      return html(reply, 200, ticketPage(await publicView(ctx.db.kysely, t, now(), ctx.calendar), langOf(req)), "no-store");
    },
  });
  registerReadOnly(app, "/layanan/:code/ikm", {
    schema: {
      querystring: { type: "object", properties: { lang, year: { type: "integer", minimum: 2017, maximum: 2100 }, semester: { type: "integer", minimum: 1, maximum: 2 } } },
      params: { type: "object", required: ["code"], properties: { code: regionCodeParam } },
    },
    handler: async (request, reply) => {
      const req = request as Req;
      const year = Number(todayWib(now()).slice(0, 4));
      const ikm = await regionIkm(ctx.db.kysely, req.params.code!, periodOf(req.query.year ?? year, req.query.semester));
      if (!ikm) return html(reply, 404, notFoundPage(langOf(req), req.params.code!), "no-store");
      return html(reply, 200, ikmPage(ikm, langOf(req), year), "public, max-age=60");
    },
  });
}
