// The officers' queue routes (session; roles and scope from domain/admin/roles.ts; each change audited):
//   GET  /admin/queue/counters?region=                   counters the officer may work at, with numbers waiting
//   GET  /admin/queue/counters/{id}                      the counter page: current number, next ones, counts
//   POST /admin/queue/counters/{id}/call|recall|served|no-show|transfer
//   GET  /admin/queue/regions/{code}/settings            quotas, slot lengths, letters, hours, closed/open days
//   PUT  /admin/queue/agencies/{id}/settings             one agency's queue settings
//   PUT  /admin/queue/regions/{code}/days/{date}         a closed (or open) day; DELETE removes it
// Counter actions need "queue.call" on the counter's agency (editors of that agency, region admins,
// province admins); settings need "queue.settings" on the region (region and province admins).
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { Scope } from "../../domain/admin/roles";
import {
  AgencySettingsBody, CounterActionBody, CounterListAnswer, CounterStateAnswer, QueueSettingsAnswer, RegionDayBody, TransferBody,
  type AgencySettingsInput,
} from "../../domain/queue/shapes";
import type { RequireOfficerOptions } from "../auth/guard";
import { HttpError } from "../errors";
import { CACHE_NO_STORE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { errorSchema, regionCodeParam } from "../schemas";
import type { BoardHub } from "./board-hub";
import { counterAction, counterState, listCounters, loadCounter, type CounterActionName, type CounterRef } from "./counter";
import type { Db } from "../db/open";
import { QueueFailure, queueMessage } from "./errors";
import { deleteRegionDay, readSettings, saveAgencySettings, setRegionDay } from "./settings-admin";

type Guard = (options: RequireOfficerOptions) => NonNullable<WriteRouteSpec["preHandler"]>;

export interface OfficerDeps {
  db: Db;
  now: () => number;
  hub: BoardHub;
}

const errs = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorSchema]));
const CounterParams = Type.Object({ id: Type.String({ maxLength: 120, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*$", description: "Counter id, e.g. 3273-imigrasi-1" }) }, { additionalProperties: false });
const AgencyParams = Type.Object({ id: Type.String({ maxLength: 80, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*$" }) }, { additionalProperties: false });
const RegionParams = Type.Object({ code: regionCodeParam }, { additionalProperties: false });
const DayParams = Type.Object({ code: regionCodeParam, date: Type.String({ maxLength: 10, pattern: "^\\d{4}-\\d{2}-\\d{2}$" }) }, { additionalProperties: false });
const ListQuery = Type.Object({ region: Type.Optional(regionCodeParam) }, { additionalProperties: false });
const Ok = Type.Object({ ok: Type.Boolean() });

const counters = new WeakMap<FastifyRequest, CounterRef>();

export function officerRoutes(deps: OfficerDeps, guard: Guard): WriteRouteSpec[] {
  const { db } = deps;
  const counterScope = async (req: FastifyRequest): Promise<Scope> => {
    const c = await loadCounter(db.kysely, (req.params as { id: string }).id);
    if (!c) throw new QueueFailure("counter_not_found", queueMessage("counter_not_found"));
    counters.set(req, c);
    return { region: c.regionCode, agency: c.agencySlug };
  };
  const regionScope = (req: FastifyRequest): Scope => ({ region: (req.params as { code: string }).code, agency: null });
  const agencyScope = (req: FastifyRequest): Scope => ({ region: (req.params as { id: string }).id.slice(0, 4), agency: null });
  const atCounter = guard({ action: "queue.call", scope: counterScope });
  const ctxOf = (req: FastifyRequest) => ({ db, now: deps.now, officer: req.officer!, address: req.ip });
  const state = async (req: FastifyRequest) => ({ state: await counterState(db.kysely, counters.get(req)!, new Date(deps.now())) });

  const action = (name: CounterActionName, path: string, summary: string): WriteRouteSpec => ({
    method: "POST", path: `/admin/queue/counters/:id/${path}`, operationId: `queueCounter${path.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase())}`,
    session: true, summary,
    schema: { params: CounterParams, body: Type.Optional(name === "transfer" ? TransferBody : CounterActionBody), response: { 200: CounterStateAnswer, ...errs(400, 401, 403, 404, 409) } },
    preHandler: atCounter,
    handler: async (req, reply) => {
      reply.header("cache-control", CACHE_NO_STORE);
      const c = counters.get(req)!;
      const body = (req.body ?? {}) as { expect?: string | null; to?: string };
      let to: CounterRef | undefined;
      if (name === "transfer") {
        const target = await loadCounter(db.kysely, body.to ?? "");
        if (!target || target.regionCode !== c.regionCode || target.id === c.id) {
          throw new QueueFailure("counter_not_found", { id: "Loket tujuan tidak ada di MPP ini.", en: "The target counter is not in this MPP." });
        }
        to = target;
      }
      await counterAction(ctxOf(req), c, name, { ...(body.expect !== undefined ? { expect: body.expect } : {}), ...(to ? { to } : {}) });
      deps.hub.notify();
      return state(req);
    },
  });

  return [
    {
      path: "/admin/queue/counters", operationId: "queueCounters", session: true,
      summary: "The counters the officer may work at (province admins name a region), with the numbers waiting per agency",
      schema: { querystring: ListQuery, response: { 200: CounterListAnswer, ...errs(400, 401, 403) } },
      preHandler: guard({}),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const o = req.officer!;
        const asked = (req.query as { region?: string }).region;
        const region = o.region ?? asked;
        if (!region) throw new HttpError("invalid_parameter", "region is required for a province admin, e.g. ?region=3273.");
        if (o.region !== null && asked !== undefined && asked !== o.region) throw new HttpError("forbidden");
        return { counters: await listCounters(db.kysely, region, o.role === "editor" ? o.agency : null, new Date(deps.now())) };
      },
    },
    {
      path: "/admin/queue/counters/:id", operationId: "queueCounterState", session: true,
      summary: "A counter's page: the number being served, the next ones, numbers waiting and later today, served and absent today",
      schema: { params: CounterParams, response: { 200: CounterStateAnswer, ...errs(400, 401, 403, 404) } },
      preHandler: atCounter,
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        return state(req);
      },
    },
    action("call", "call", "Panggil berikutnya: the current number (if any) is served, the next one is called and shown on the board"),
    action("recall", "recall", "Calls the current number again (board and voice)"),
    action("served", "served", "The current number has been served"),
    action("no_show", "no-show", "The current number did not come: skipped as absent"),
    action("transfer", "transfer", "Sends the current number to another counter of the MPP, where it is called first"),
    {
      path: "/admin/queue/regions/:code/settings", operationId: "queueSettings", session: true,
      summary: "A region's queue settings: per agency quota, slot length, letter, own hours and walk-in quota; the MPP's hours; closed and open days",
      schema: { params: RegionParams, response: { 200: QueueSettingsAnswer, ...errs(400, 401, 403, 404) } },
      preHandler: guard({ action: "queue.settings", scope: regionScope }),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const s = await readSettings(db.kysely, (req.params as { code: string }).code);
        if (!s) throw new HttpError("region_not_found");
        return s;
      },
    },
    {
      method: "PUT", path: "/admin/queue/agencies/:id/settings", operationId: "queueAgencySettings", session: true,
      summary: "Sets one agency's queue settings (audited); applies to new bookings",
      schema: { params: AgencyParams, body: AgencySettingsBody, response: { 200: Ok, ...errs(400, 401, 403, 404, 409) } },
      preHandler: guard({ action: "queue.settings", scope: agencyScope }),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        await saveAgencySettings(ctxOf(req), (req.params as { id: string }).id, req.body as AgencySettingsInput);
        return { ok: true };
      },
    },
    {
      method: "PUT", path: "/admin/queue/regions/:code/days/:date", operationId: "queueRegionDaySet", session: true,
      summary: "Marks a day closed (or open, e.g. a Saturday service day; never a national holiday) for the region's MPP (audited)",
      schema: { params: DayParams, body: RegionDayBody, response: { 200: Ok, ...errs(400, 401, 403, 404) } },
      preHandler: guard({ action: "queue.settings", scope: regionScope }),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const { code, date } = req.params as { code: string; date: string };
        if (!await db.kysely.selectFrom("regions").select("code").where("code", "=", code).executeTakeFirst()) throw new HttpError("region_not_found");
        await setRegionDay(ctxOf(req), code, date, req.body as { kind: "closed" | "open"; reason: { id: string; en: string } });
        return { ok: true };
      },
    },
    {
      method: "DELETE", path: "/admin/queue/regions/:code/days/:date", operationId: "queueRegionDayDelete", session: true,
      summary: "Removes a region's closed or open day (audited); 404 when there is none",
      schema: { params: DayParams, response: { 200: Ok, ...errs(400, 401, 403, 404) } },
      preHandler: guard({ action: "queue.settings", scope: regionScope }),
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const { code, date } = req.params as { code: string; date: string };
        if (!await deleteRegionDay(ctxOf(req), code, date)) throw new HttpError("record_not_found", `No closed or open day on ${date}.`);
        return { ok: true };
      },
    },
  ];
}
