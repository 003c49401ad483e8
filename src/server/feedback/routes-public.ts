// Citizens' routes (all in the OpenAPI document):
//   POST /tickets                   leave a question or complaint -> 201 { ticket: { code, status, ... } }
//   GET  /tickets/{code}            its status, clock and answers (never the contact)
//   POST /tickets/{code}/messages   ask back (an answered ticket opens again)
//   POST /visits                    a visit that may be rated once (a service read, a lobby visit ended)
//   POST /surveys                   the nine SKM answers for a visit -> 201
//   GET  /regions/{code}/ikm        the index of a region and its agencies for a year (or semester)
// Writes count against daily limits per address (quota.ts), inside their own transaction.
import type { TSchema } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  CitizenMessageBody, IkmAnswer, IkmQuery, PublicTicketAnswer, SurveyAnswer, SurveyBody, TicketBody, TicketCreatedAnswer, TicketParams,
  VisitAnswer, VisitBody, type TicketInput,
} from "../../domain/feedback/shapes";
import { formatTrackingCode, normalizeTrackingCode } from "../../domain/feedback/tickets";
import { todayWib } from "../../domain/time/wib";
import { HttpError } from "../errors";
import { CACHE_NO_STORE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { regionParamsSchema, responses } from "../schemas";
import type { FeedbackContext } from "./context";
import { DailyLimitError, quotaCheck, type QuotaAction } from "./quota";
import { strictBody } from "./strict-body";
import { periodOf, recordSurvey, regionIkm, type SurveyInput } from "./surveys";
import { addCitizenMessage, createTicket, publicView, ticketByCode } from "./tickets";
import { issueVisitToken, visitFor } from "./visits";

/** The stored form of a tracking code in the path, or 404 (a malformed code is as unknown as a wrong one). */
export function codeParam(req: FastifyRequest): string {
  const code = normalizeTrackingCode((req.params as { code: string }).code);
  if (!code) throw new HttpError("ticket_not_found");
  return code;
}

/** 201 with the body schema, and the error responses. */
export function createdResponses(ok: TSchema, errors: number[]): Record<number, TSchema> {
  const { 200: body, ...rest } = responses(ok, errors);
  return { 201: body!, ...rest };
}

const created = <T>(reply: FastifyReply, body: T): T => {
  reply.code(201).header("cache-control", CACHE_NO_STORE);
  return body;
};

export function publicRoutes(ctx: FeedbackContext): WriteRouteSpec[] {
  const { db, settings, calendar } = ctx;
  const now = () => new Date(ctx.now());
  const limit = (req: FastifyRequest, action: QuotaAction, perDay: number) =>
    quotaCheck(req.ip, action, settings.lobbyAddresses.includes(req.ip) ? perDay * settings.lobbyFactor : perDay, now());
  // Retry-After on the daily limit: the seconds to the next WIB day.
  const write = async <T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof DailyLimitError) reply.header("retry-after", String(err.retryAfterSeconds));
      throw err;
    }
  };
  return [
    {
      method: "POST", path: "/tickets", operationId: "createTicket",
      summary: "Leaves a question (konsultasi) or complaint (pengaduan) about a service, an agency or a region's MPP; answers its tracking code",
      schema: { body: TicketBody, response: createdResponses(TicketCreatedAnswer, [400, 403, 413, 429]) },
      preValidation: strictBody(TicketBody),
      handler: async (req, reply) => write(reply, async () => {
        const t = await createTicket(db, req.body as TicketInput, now(), calendar, limit(req, "ticket", settings.ticketsPerDay));
        return created(reply, { ticket: { ...t, formattedCode: formatTrackingCode(t.code) } });
      }),
    },
    {
      path: "/tickets/:code", operationId: "getTicket",
      summary: "A question or complaint by its tracking code: status, SP4N-LAPOR! clock and the answers (the contact is never shown)",
      schema: { params: TicketParams, response: responses(PublicTicketAnswer, [400, 404]) },
      handler: async (req, reply) => {
        const t = await ticketByCode(db.kysely, codeParam(req));
        if (!t) throw new HttpError("ticket_not_found");
        reply.header("cache-control", CACHE_NO_STORE);
        return { ticket: await publicView(db.kysely, t, now(), calendar) };
      },
    },
    {
      method: "POST", path: "/tickets/:code/messages", operationId: "addTicketMessage",
      summary: "The citizen adds to their question or complaint (an answered one opens again); 409 once closed",
      schema: { params: TicketParams, body: CitizenMessageBody, response: createdResponses(PublicTicketAnswer, [400, 403, 404, 409, 429]) },
      preValidation: strictBody(CitizenMessageBody),
      handler: async (req, reply) => write(reply, async () => {
        const code = codeParam(req);
        await addCitizenMessage(db, code, (req.body as { text: string }).text, now(), limit(req, "message", settings.messagesPerDay));
        const t = await ticketByCode(db.kysely, code);
        return created(reply, { ticket: await publicView(db.kysely, t!, now(), calendar) });
      }),
    },
    {
      method: "POST", path: "/visits", operationId: "createVisit",
      summary: "A visit that may be rated once: after reading a service (serviceId) or at the end of a lobby visit (regionCode)",
      schema: { body: VisitBody, response: createdResponses(VisitAnswer, [400, 403, 429]) },
      preValidation: strictBody(VisitBody),
      handler: async (req, reply) => write(reply, async () => {
        const at = now();
        const visit = await visitFor(db.kysely, req.body as { kind: "service" | "lobby"; serviceId?: string; regionCode?: string });
        const issued = await db.transaction(async (trx) => {
          await limit(req, "visit", settings.visitsPerDay)(trx);
          return issueVisitToken(trx, visit, at, settings.visitTtlMs[visit.kind]);
        });
        return created(reply, { visit: issued });
      }),
    },
    {
      method: "POST", path: "/surveys", operationId: "createSurvey",
      summary: "The SKM of PermenPANRB 14/2017 for one visit: nine answers 1-4 in questionnaire order and an optional comment; anonymous",
      schema: { body: SurveyBody, response: createdResponses(SurveyAnswer, [400, 403, 409, 429]) },
      preValidation: strictBody(SurveyBody),
      handler: async (req, reply) => write(reply, async () => {
        const s = await recordSurvey(db, req.body as SurveyInput, now(), limit(req, "survey", settings.surveysPerDay));
        return created(reply, { survey: s });
      }),
    },
    {
      path: "/regions/:code/ikm", operationId: "getRegionIkm",
      summary: "Indeks Kepuasan Masyarakat of a region and each of its agencies for a year (or semester): NRR per unsur, IKM, mutu, and whether the sample is large enough",
      schema: { params: regionParamsSchema, querystring: IkmQuery, response: responses(IkmAnswer, [400, 404]) },
      handler: async (req, reply) => {
        const { code } = req.params as { code: string };
        const q = req.query as { year?: number; semester?: number };
        const year = q.year ?? Number(todayWib(now()).slice(0, 4));
        const ikm = await regionIkm(db.kysely, code, periodOf(year, q.semester));
        if (!ikm) throw new HttpError("region_not_found", `No kabupaten/kota with code ${code} in Jawa Barat.`);
        reply.header("cache-control", "public, max-age=60");
        return ikm;
      },
    },
  ];
}
