// Officers' routes for questions, complaints and the SKM under /api/v1/admin (in the OpenAPI document):
//   GET  /admin/tickets                    the inbox of the officer's region or agency, most overdue first
//   GET  /admin/tickets/{code}             one ticket in full: contact, events with officers, clocks, the LAPOR! text
//   POST /admin/tickets/{code}/take        take up (received -> in progress)
//   POST /admin/tickets/{code}/answer      answer (the citizen reads it by the code)
//   POST /admin/tickets/{code}/forward     to another agency
//   POST /admin/tickets/{code}/close       close, with an optional note for the citizen
//   POST /admin/tickets/{code}/lapor       record the SP4N-LAPOR! tracking id after filing it there
//   GET  /admin/surveys/comments           the SKM comments of the officer's region or agency
//   GET  /admin/surveys/export             its anonymous answers as CSV (for the published SKM report)
// 401 without a session; 403 outside the role's scope (domain/admin/roles.ts, action "ticket.handle").
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { Officer } from "../../domain/admin/roles";
import {
  AnswerBody, CloseBody, EmptyBody, ForwardBody, InboxAnswer, InboxQuery, LaporBody, OfficerTicketAnswer, SurveyCommentsAnswer,
  SurveyCommentsQuery, TicketParams,
} from "../../domain/feedback/shapes";
import type { RequireOfficerOptions } from "../auth/guard";
import { CACHE_NO_STORE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { responses } from "../schemas";
import type { FeedbackContext } from "./context";
import { answerTicket, closeTicket, forwardTicket, recordLaporHandOff, takeTicket, type HandlingActor } from "./handling";
import { inbox, inboxScope, officerView, ticketScope, type InboxFilter } from "./inbox";
import { codeParam } from "./routes-public";
import { periodOf, surveyComments, surveysCsv } from "./surveys";

type Guard = (options: RequireOfficerOptions) => NonNullable<WriteRouteSpec["preHandler"]>;

const actorOf = (req: FastifyRequest): HandlingActor => ({ officer: req.officer!, address: req.ip });

export function officerRoutes(ctx: FeedbackContext, guard: Guard): WriteRouteSpec[] {
  const { db, calendar } = ctx;
  const now = () => new Date(ctx.now());
  const onTicket = guard({ action: "ticket.handle", scope: (req) => ticketScope(db, codeParam(req)) });
  const view = async (req: FastifyRequest, reply: { header(k: string, v: string): unknown }) => {
    reply.header("cache-control", CACHE_NO_STORE);
    return officerView(db, codeParam(req), now(), calendar);
  };
  const errors = [400, 401, 403, 404, 409];
  const step = (path: string, operationId: string, summary: string, body: object, run: (req: FastifyRequest) => Promise<void>): WriteRouteSpec => ({
    method: "POST", path: `/admin/tickets/:code/${path}`, operationId, summary, session: true,
    schema: { params: TicketParams, body, response: responses(OfficerTicketAnswer, errors) },
    preHandler: onTicket,
    handler: async (req, reply) => {
      await run(req);
      return view(req, reply);
    },
  });
  return [
    {
      path: "/admin/tickets", operationId: "adminTicketInbox", session: true,
      summary: "Questions and complaints of the officer's region or agency; open ones sorted by the SP4N-LAPOR! clock, most overdue first",
      schema: { querystring: InboxQuery, response: responses(InboxAnswer, [400, 401, 403]) },
      preHandler: guard({ action: "ticket.handle", scope: (req) => ({ region: (req.officer as Officer).region, agency: (req.officer as Officer).agency }) }),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        return inbox(db, req.officer!, req.query as InboxFilter, now(), calendar);
      },
    },
    {
      path: "/admin/tickets/:code", operationId: "adminTicketGet", session: true,
      summary: "One question or complaint in full: the contact (until deleted), every event with its officer, the clocks and the prepared LAPOR! text",
      schema: { params: TicketParams, response: responses(OfficerTicketAnswer, [400, 401, 403, 404]) },
      preHandler: onTicket,
      handler: async (req, reply) => view(req, reply),
    },
    step("take", "adminTicketTake", "Takes the ticket up (received -> in progress): the 3-working-day clock stops", EmptyBody,
      (req) => takeTicket(db, codeParam(req), actorOf(req), now())),
    step("answer", "adminTicketAnswer", "Answers the citizen (status answered); stored with the officer and an audit row", AnswerBody,
      (req) => answerTicket(db, codeParam(req), (req.body as { text: string }).text, actorOf(req), now())),
    step("forward", "adminTicketForward", "Forwards the ticket to another agency (its inbox; its 5-working-day clock starts)", ForwardBody,
      (req) => {
        const b = req.body as { agencyId: string; note?: string };
        return forwardTicket(db, codeParam(req), b.agencyId, b.note, actorOf(req), now());
      }),
    step("close", "adminTicketClose", "Closes the ticket, with an optional note the citizen reads; the contact is deleted after the retention time", CloseBody,
      (req) => closeTicket(db, codeParam(req), (req.body as { note?: string } | undefined)?.note, actorOf(req), now())),
    step("lapor", "adminTicketLapor", "Records the SP4N-LAPOR! tracking id after the officer filed the complaint at lapor.go.id (no integration is claimed); closes here unless close is false", LaporBody,
      (req) => {
        const b = req.body as { laporId: string; close?: boolean };
        return recordLaporHandOff(db, codeParam(req), b.laporId, b.close ?? true, actorOf(req), now());
      }),
    {
      path: "/admin/surveys/comments", operationId: "adminSurveyComments", session: true,
      summary: "SKM comments of the officer's region or agency, newest first (anonymous)",
      schema: { querystring: SurveyCommentsQuery, response: responses(SurveyCommentsAnswer, [400, 401, 403]) },
      preHandler: guard({ action: "ticket.handle", scope: (req) => ({ region: (req.officer as Officer).region, agency: (req.officer as Officer).agency }) }),
      handler: async (req, reply) => {
        const q = req.query as InboxFilter & { year?: number };
        const scope = inboxScope(req.officer!, q);
        reply.header("cache-control", CACHE_NO_STORE);
        return {
          comments: await surveyComments(db.kysely, { region: scope.region, agencyId: scope.agency && scope.region ? `${scope.region}-${scope.agency}` : null },
            q.year ? periodOf(q.year) : null, q.limit ?? 200),
        };
      },
    },
    {
      path: "/admin/surveys/export", operationId: "adminSurveyExport", session: true, produces: ["text/csv"],
      summary: "The anonymous SKM answers of the officer's region or agency for a year (or semester) as CSV, one row per respondent; formula-like comments neutralised",
      schema: {
        querystring: Type.Object({
          region: SurveyCommentsQuery.properties.region, agency: SurveyCommentsQuery.properties.agency,
          year: Type.Integer({ minimum: 2017, maximum: 2100 }), semester: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
        }, { additionalProperties: false }),
        response: responses(Type.String(), [400, 401, 403]),
      },
      preHandler: guard({ action: "ticket.handle", scope: (req) => ({ region: (req.officer as Officer).region, agency: (req.officer as Officer).agency }) }),
      handler: async (req, reply) => {
        const q = req.query as InboxFilter & { year: number; semester?: number };
        const scope = inboxScope(req.officer!, q);
        const agencyId = scope.agency && scope.region ? `${scope.region}-${scope.agency}` : null;
        const csv = await surveysCsv(db.kysely, { region: scope.region, agencyId }, periodOf(q.year, q.semester));
        const name = `skm-${agencyId ?? scope.region ?? "jabar"}-${q.year}${q.semester ? `-s${q.semester}` : ""}.csv`;
        return reply.header("cache-control", CACHE_NO_STORE).type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}"`).send(csv);
      },
    },
  ];
}
