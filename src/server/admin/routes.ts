// The officers' record routes under /api/v1/admin (all in the OpenAPI document):
//   GET  /services, /drafts                          the officer's records (filters) and the review queue
//   GET  /{services|agencies|regions}/{id}           published record, open draft, what this officer may do
//   PUT  /{...}/{id}/draft                           save the draft ({ service|agency|region: {...}, changeNote })
//   POST /{...}/{id}/submit | /publish | /reject     review before publishing
//   POST /services, /agencies                        a new record, as a draft
//   POST /services/{id}/verify                       mark verified against a dated source
// Every route: 401 without a session, 403 outside the role's scope (domain/admin/roles.ts).
import type { FastifyRequest } from "fastify";
import type { TSchema } from "@sinclair/typebox";
import { formatAgencyId, formatServiceId } from "../../domain/ids";
import { todayWib } from "../../domain/admin/review-age";
import type { AgencyFields, RegionFields } from "../../domain/admin/record-fields";
import type { EditableService, VerificationClaim } from "../../domain/admin/service-fields";
import {
  AgencyDraftBody, AgencyRecordAnswer, DraftListAnswer, DraftListQuery, NewAgencyBody, NewServiceBody, OkAnswer, PublishBody,
  RegionDraftBody, RegionRecordAnswer, RejectBody, ServiceDraftBody, ServiceListAnswer, ServiceListQuery, ServiceRecordAnswer,
  SubmitBody, VerifyBody,
} from "../../domain/admin/shapes";
import type { Action } from "../../domain/admin/roles";
import { HttpError } from "../errors";
import { CACHE_NO_STORE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { regionCodeParam, responses, serviceIdParam } from "../schemas";
import { Type } from "@sinclair/typebox";
import { createDraft, readRecord, recordScope, saveDraft, type RecordView, type WorkflowContext } from "./drafts";
import { publishDraft, rejectDraft, submitDraft } from "./review";
import { agencyKind, type AgencyExtra } from "./kinds/agency";
import type { KindAdapter } from "./kinds/kind";
import { regionKind, type RegionExtra } from "./kinds/region";
import { serviceKind, serviceReview, type ServiceExtra } from "./kinds/service";
import { listDrafts, listServices, type ServiceListFilter } from "./lists";
import { verifyService } from "./verification";
import type { RequireOfficerOptions } from "../auth/guard";

type Guard = (options: RequireOfficerOptions) => NonNullable<WriteRouteSpec["preHandler"]>;

const agencyIdParam = Type.String({ maxLength: 80, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*$", description: "regionCode-agencySlug, e.g. 3273-imigrasi" });
const params = (id: TSchema) => Type.Object({ id }, { additionalProperties: false });

type IdReq = FastifyRequest<{ Params: { id: string } }>;
const actorOf = (req: FastifyRequest) => ({ officer: req.officer!, address: req.ip });

function draftOut<F>(d: RecordView<F, unknown>["draft"]) {
  if (!d) return null;
  const { verification, ...rest } = d;
  return { ...rest, verification };
}

export function serviceAnswer(v: RecordView<EditableService, ServiceExtra>, today: string) {
  const p = v.published;
  return {
    kind: "service" as const,
    id: v.id,
    published: p ? { ...p.fields, ...p.extra, review: serviceReview(p.extra, today) } : null,
    draft: draftOut(v.draft),
    can: v.can,
  };
}
function agencyAnswer(v: RecordView<AgencyFields, AgencyExtra>) {
  const p = v.published;
  const d = draftOut(v.draft);
  return { kind: "agency" as const, id: v.id, published: p ? { ...p.fields, ...p.extra } : null, draft: d && (({ verification: _v, ...x }) => x)(d), can: v.can };
}
function regionAnswer(v: RecordView<RegionFields, RegionExtra>) {
  const p = v.published;
  const d = draftOut(v.draft);
  return { kind: "region" as const, id: v.id, published: p ? { ...p.fields, ...p.extra } : null, draft: d && (({ verification: _v, ...x }) => x)(d), can: v.can };
}

interface KindRoutes<F, X> {
  adapter: KindAdapter<F, X>;
  plural: string;
  idParam: TSchema;
  bodyKey: "service" | "agency" | "region";
  draftBody: TSchema;
  answer: TSchema;
  toAnswer(v: RecordView<F, X>): unknown;
}

function kindRoutes<F extends object, X>(ctx: WorkflowContext, guard: Guard, k: KindRoutes<F, X>): WriteRouteSpec[] {
  const { adapter } = k;
  const scopeById = (req: FastifyRequest) => recordScope(ctx.db, adapter, (req as IdReq).params.id);
  const guarded = (action: Action) => guard({ action, scope: scopeById });
  const Name = adapter.kind[0]!.toUpperCase() + adapter.kind.slice(1);
  const answer = async (req: FastifyRequest) => k.toAnswer(await readRecord(ctx, adapter, (req as IdReq).params.id, req.officer!));
  const base = `/admin/${k.plural}/:id`;
  const errors = [400, 401, 403, 404, 409];
  return [
    {
      path: base, operationId: `admin${Name}Get`, session: true,
      summary: `One ${adapter.kind}: the published record and the open draft (if any), and what this officer may do with them`,
      schema: { params: params(k.idParam), response: responses(k.answer, [400, 401, 403, 404]) },
      preHandler: guard({ scope: scopeById, action: adapter.kind === "service" ? "audit.read" : adapter.draftAction }),
      handler: async (req, reply) => { reply.header("cache-control", CACHE_NO_STORE); return answer(req); },
    },
    {
      method: "PUT", path: `${base}/draft`, operationId: `admin${Name}SaveDraft`, session: true,
      summary: `Saves the ${adapter.kind}'s draft: the sent fields over the open draft or the published record; a change note is required`,
      schema: { params: params(k.idParam), body: k.draftBody, response: responses(k.answer, errors) },
      preHandler: guarded(adapter.draftAction),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const body = req.body as Record<string, unknown> & { changeNote: string; verification?: VerificationClaim | null };
        await saveDraft(ctx, adapter, (req as IdReq).params.id, body[k.bodyKey] as Partial<F>, body.changeNote, actorOf(req), body.verification);
        return answer(req);
      },
    },
    {
      method: "POST", path: `${base}/submit`, operationId: `admin${Name}Submit`, session: true,
      summary: `Sends the ${adapter.kind}'s draft for review (draft -> in review)`,
      schema: { params: params(k.idParam), body: Type.Optional(SubmitBody), response: responses(k.answer, errors) },
      preHandler: guarded(adapter.draftAction),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        await submitDraft(ctx, adapter, (req as IdReq).params.id, actorOf(req));
        return answer(req);
      },
    },
    {
      method: "POST", path: `${base}/publish`, operationId: `admin${Name}Publish`, session: true,
      summary: `Publishes the ${adapter.kind}'s draft in review (never by its author; a province admin may with a written reason); ETags change on every node`,
      schema: { params: params(k.idParam), body: Type.Optional(PublishBody), response: responses(k.answer, errors) },
      preHandler: guarded(adapter.reviewAction),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        await publishDraft(ctx, adapter, (req as IdReq).params.id, actorOf(req), (req.body as { reason?: string } | undefined)?.reason);
        return answer(req);
      },
    },
    {
      method: "POST", path: `${base}/reject`, operationId: `admin${Name}Reject`, session: true,
      summary: `Rejects the ${adapter.kind}'s draft in review with a reason for its author`,
      schema: { params: params(k.idParam), body: RejectBody, response: responses(k.answer, errors) },
      preHandler: guarded(adapter.reviewAction),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        await rejectDraft(ctx, adapter, (req as IdReq).params.id, actorOf(req), (req.body as { reason: string }).reason);
        return answer(req);
      },
    },
  ];
}

export function adminRoutes(ctx: WorkflowContext, guard: Guard): WriteRouteSpec[] {
  const today = () => todayWib(ctx.now());
  const db = ctx.db;
  return [
    {
      path: "/admin/services", operationId: "adminServiceList", session: true,
      summary: "The services this officer may edit, filtered: unverified, never-checked, due-for-review (over 12 months), drafts",
      schema: { querystring: ServiceListQuery, response: responses(ServiceListAnswer, [400, 401, 403]) },
      preHandler: guard({}),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        return listServices(db, req.officer!, req.query as ServiceListFilter, today());
      },
    },
    {
      path: "/admin/drafts", operationId: "adminDraftList", session: true,
      summary: "Open drafts in this officer's scope (status=in_review: the review queue; mine=true: own drafts)",
      schema: { querystring: DraftListQuery, response: responses(DraftListAnswer, [400, 401, 403]) },
      preHandler: guard({}),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        return { drafts: await listDrafts(db, req.officer!, req.query as { status?: "draft" | "in_review" | "rejected"; mine?: boolean }) };
      },
    },
    ...kindRoutes(ctx, guard, { adapter: serviceKind, plural: "services", idParam: serviceIdParam, bodyKey: "service", draftBody: ServiceDraftBody, answer: ServiceRecordAnswer, toAnswer: (v) => serviceAnswer(v, today()) }),
    ...kindRoutes(ctx, guard, { adapter: agencyKind, plural: "agencies", idParam: agencyIdParam, bodyKey: "agency", draftBody: AgencyDraftBody, answer: AgencyRecordAnswer, toAnswer: agencyAnswer }),
    ...kindRoutes(ctx, guard, { adapter: regionKind, plural: "regions", idParam: regionCodeParam, bodyKey: "region", draftBody: RegionDraftBody, answer: RegionRecordAnswer, toAnswer: regionAnswer }),
    {
      method: "POST", path: "/admin/services", operationId: "adminServiceCreate", session: true,
      summary: "A new service of an agency in a region, as a draft (published after review)",
      schema: { body: NewServiceBody, response: { ...responses(ServiceRecordAnswer, [400, 401, 403, 404, 409]), 201: ServiceRecordAnswer } },
      preHandler: guard({
        action: "service.draft",
        scope: async (req) => {
          const s = (req.body as { service: { regionCode: string; agencySlug: string } }).service;
          const agency = await db.kysely.selectFrom("agencies").select("id").where("id", "=", formatAgencyId(s.regionCode, s.agencySlug)).executeTakeFirst();
          if (!agency) throw new HttpError("record_not_found", `No agency ${s.agencySlug} in region ${s.regionCode}.`);
          return { region: s.regionCode, agency: s.agencySlug };
        },
      }),
      handler: async (req, reply) => {
        const body = req.body as { service: EditableService & { regionCode: string; agencySlug: string; slug: string }; changeNote: string; verification?: VerificationClaim | null };
        const { regionCode, agencySlug, slug, ...fields } = body.service;
        const id = formatServiceId({ regionCode, agencySlug, serviceSlug: slug });
        await createDraft(ctx, serviceKind, id, fields, { region: regionCode, agency: agencySlug }, body.changeNote, actorOf(req), body.verification);
        reply.code(201).header("cache-control", CACHE_NO_STORE);
        return serviceAnswer(await readRecord(ctx, serviceKind, id, req.officer!), today());
      },
    },
    {
      method: "POST", path: "/admin/agencies", operationId: "adminAgencyCreate", session: true,
      summary: "A new agency (with counters) in a region's MPP, as a draft (published after review)",
      schema: { body: NewAgencyBody, response: { ...responses(AgencyRecordAnswer, [400, 401, 403, 404, 409]), 201: AgencyRecordAnswer } },
      preHandler: guard({
        action: "agency.draft",
        scope: async (req) => {
          const a = (req.body as { agency: { regionCode: string; slug: string } }).agency;
          const region = await db.kysely.selectFrom("regions").select("code").where("code", "=", a.regionCode).executeTakeFirst();
          if (!region) throw new HttpError("region_not_found");
          return { region: a.regionCode, agency: a.slug };
        },
      }),
      handler: async (req, reply) => {
        const body = req.body as { agency: AgencyFields & { regionCode: string; slug: string }; changeNote: string };
        const { regionCode, slug, ...fields } = body.agency;
        const id = formatAgencyId(regionCode, slug);
        await createDraft(ctx, agencyKind, id, fields, { region: regionCode, agency: slug }, body.changeNote, actorOf(req));
        reply.code(201).header("cache-control", CACHE_NO_STORE);
        return agencyAnswer(await readRecord(ctx, agencyKind, id, req.officer!));
      },
    },
    {
      method: "POST", path: "/admin/services/:id/verify", operationId: "adminServiceVerify", session: true,
      summary: "Marks the published service verified against a source (URL, or No. SK / Perda / PP) and the source's date: lastVerified becomes today, the verifier is recorded",
      schema: { params: params(serviceIdParam), body: VerifyBody, response: responses(ServiceRecordAnswer, [400, 401, 403, 404]) },
      preHandler: guard({ action: "service.verify", scope: (req) => recordScope(db, serviceKind, (req as IdReq).params.id) }),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const id = (req as IdReq).params.id;
        await verifyService(ctx, id, req.body as VerificationClaim, actorOf(req));
        return serviceAnswer(await readRecord(ctx, serviceKind, id, req.officer!), today());
      },
    },
  ];
}

export { OkAnswer };
