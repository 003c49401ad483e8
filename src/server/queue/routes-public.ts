// The citizens' queue routes (all in the OpenAPI document):
//   GET    /regions/{code}/queue?date=           the day's slots per agency, with places left
//   POST   /queue/bookings                       take a place: 201 { booking }, 409 slot_full, 400 for the rules
//   GET    /queue/bookings/{code}                look a booking up
//   DELETE /queue/bookings/{code}                cancel it (frees the place exactly once)
//   POST   /queue/tickets                        a walk-in number for today: 201 { ticket } (with its code)
//   GET    /queue/tickets/{code}                 a booking or walk-in number by its code; once served, its SKM token
//   GET    /regions/{code}/queue/board           the lobby board
//   GET    /regions/{code}/queue/board/stream    the same, live (Server-Sent Events)
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerResponse } from "node:http";
import { bookingWindow, planDay, queueErrorMessage } from "../../domain/queue/booking";
import {
  BoardAnswer, BookingAnswer, BookingBody, LANGS, QueueDayAnswer, QueueTicketAnswer, WalkInAnswer, WalkInBody, type BookingRequest, type QueueDay,
} from "../../domain/queue/shapes";
import { isIsoDate, todayWib } from "../../domain/time/wib";
import { OneOf } from "../../domain/types";
import { CACHE_NO_STORE, CACHE_REVALIDATE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { errorSchema, regionCodeParam } from "../schemas";
import { readBoard } from "./board";
import type { BoardHub } from "./board-hub";
import { bookedBySlot, cancelBooking, createBooking, findBooking, findTicket, type BookingDeps } from "./bookings";
import { QueueFailure, queueMessage } from "./errors";
import type { QueueLimiter, QueueRateLimits } from "./limits";
import { loadRegionQueue, policyFor } from "./settings";
import { takeWalkIn } from "./walk-in";

export interface PublicDeps extends BookingDeps {
  retentionDays: number;
  hub: BoardHub;
  limiter: QueueLimiter | null;
  /** Streams one node holds open at most, and per client address. */
  maxStreams: { total: number; perAddress: number };
  streams: StreamRegistry;
}

export interface DayDeps extends BookingDeps { retentionDays: number }

/** The node's open board streams: counted per address, ended when the server closes (else close() waits for every lobby TV). */
export class StreamRegistry {
  readonly open = new Set<ServerResponse>();
  readonly byAddress = new Map<string, number>();
  endAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}

const lang = Type.Optional(OneOf(LANGS, { description: "Language of error messages (else Accept-Language; default id)" }));
const RegionParams = Type.Object({ code: regionCodeParam }, { additionalProperties: false });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 24, description: "Booking code, e.g. K7DX4MRA (dashes, spaces and lower case accepted)" }) }, { additionalProperties: false });
const TicketCodeParams = Type.Object({ code: Type.String({ maxLength: 24, description: "Booking code or the code printed on a walk-in ticket" }) }, { additionalProperties: false });
const DayQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 20, description: "YYYY-MM-DD (WIB); default today" })), lang }, { additionalProperties: false });
const LangQuery = Type.Object({ lang }, { additionalProperties: false });

async function regionExists(deps: BookingDeps, code: string): Promise<boolean> {
  return (await deps.db.kysely.selectFrom("regions").select("code").where("code", "=", code).executeTakeFirst()) !== undefined;
}

const errs = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorSchema]));

function limit(deps: PublicDeps, kind: keyof QueueRateLimits, req: FastifyRequest): void {
  const wait = deps.limiter?.take(kind, req.ip) ?? null;
  if (wait !== null) {
    req.server.log.debug("queue rate limit reached");
    const f = new QueueFailure("queue_rate_limited", queueMessage("queue_rate_limited", { retry: wait }));
    f.retryAfter = wait;
    throw f;
  }
}

const regionNotFound = (code: string) => new QueueFailure("region_not_found", {
  id: `Tidak ada kabupaten/kota dengan kode ${code} di Jawa Barat.`, en: `No kabupaten/kota with code ${code} in Jawa Barat.`,
});

export async function queueDay(deps: DayDeps, code: string, dateParam: string | undefined): Promise<QueueDay> {
  const now = new Date(deps.now());
  const date = dateParam ?? todayWib(now);
  if (!isIsoDate(date)) throw new QueueFailure("invalid_date", queueErrorMessage("invalid_date", {}));
  const region = await loadRegionQueue(deps.db.kysely, code);
  if (!region) throw regionNotFound(code);
  const window = bookingWindow(now, deps.limits.windowDays);
  if (region.mppStatus !== "yes") {
    return { region: code, date, open: false, physicalMpp: region.mppStatus, window, closure: { kind: "no_mpp", name: queueMessage("no_physical_mpp") }, retentionDays: deps.retentionDays, agencies: [] };
  }
  const booked = await bookedBySlot(deps.db.kysely, code, date);
  const agencies = region.agencies.map((a) => {
    const plan = planDay(date, { now, calendar: region.calendar, hours: a.counters.length > 0 ? a.hours : null, policy: policyFor(a, deps.limits) }, booked.get(a.agencyId) ?? {});
    return {
      agencyId: a.agencyId, shortName: a.shortName, letter: a.letter, counters: a.counters.map((c) => c.label),
      open: plan.open, closure: plan.closure,
      slots: plan.slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity, remaining: s.remaining, bookable: s.bookable, reason: s.reason })),
    };
  });
  const dayClosure = region.calendar.isCovered(date) ? region.calendar.closure(date) : null;
  return { region: code, date, open: agencies.some((a) => a.open), physicalMpp: region.mppStatus, window, closure: dayClosure, retentionDays: deps.retentionDays, agencies };
}

export function publicRoutes(deps: PublicDeps): WriteRouteSpec[] {
  const noStore = (reply: FastifyReply) => reply.header("cache-control", CACHE_NO_STORE);
  return [
    {
      path: "/regions/:code/queue", operationId: "queueDay",
      summary: "One day's booking slots of a kabupaten/kota's MPP, per agency, with the places left (WIB dates)",
      schema: { params: RegionParams, querystring: DayQuery, response: { 200: QueueDayAnswer, ...errs(400, 404) } },
      handler: async (req, reply) => {
        const { code } = req.params as { code: string };
        const { date } = req.query as { date?: string };
        const day = await queueDay(deps, code, date);
        reply.header("cache-control", CACHE_REVALIDATE);
        return day;
      },
    },
    {
      method: "POST", path: "/queue/bookings", operationId: "createBooking", limitClass: "write",
      summary: "Books a place in a slot: 201 with the booking (code, queue number); 409 slot_full; 400 for a past date, a closed day, a slot outside the hours or the window",
      schema: { body: BookingBody, response: { 201: BookingAnswer, ...errs(400, 403, 404, 409, 429) } },
      handler: async (req, reply) => {
        limit(deps, "booking", req);
        const booking = await createBooking(deps, req.body as BookingRequest, req.ip);
        noStore(reply).code(201).header("location", `/api/v1/queue/bookings/${booking.code}`);
        return { booking };
      },
    },
    {
      path: "/queue/bookings/:code", operationId: "getBooking",
      summary: "A booking by its code (no name or phone is ever returned); once served, `survey` holds the visit token for one SKM",
      schema: { params: CodeParams, querystring: LangQuery, response: { 200: BookingAnswer, ...errs(400, 404, 429) } },
      handler: async (req, reply) => {
        limit(deps, "lookup", req);
        const booking = await findBooking(deps.db.kysely, (req.params as { code: string }).code, new Date(deps.now()));
        noStore(reply);
        return { booking };
      },
    },
    {
      method: "DELETE", path: "/queue/bookings/:code", operationId: "cancelBooking", limitClass: "write",
      summary: "Cancels a booking still waiting for its turn; its place becomes free (409 booking_not_active when already cancelled, called or served)",
      schema: { params: CodeParams, querystring: LangQuery, response: { 200: BookingAnswer, ...errs(400, 403, 404, 409, 429) } },
      handler: async (req, reply) => {
        limit(deps, "booking", req);
        const booking = await cancelBooking(deps, (req.params as { code: string }).code);
        noStore(reply);
        return { booking };
      },
    },
    {
      method: "POST", path: "/queue/tickets", operationId: "takeWalkInNumber", limitClass: "write",
      summary: "A walk-in queue number for today while the agency's counters are open: 201 { ticket }",
      schema: { body: WalkInBody, response: { 201: WalkInAnswer, ...errs(400, 403, 404, 409, 429) } },
      handler: async (req, reply) => {
        limit(deps, "walkIn", req);
        const ticket = await takeWalkIn(deps, (req.body as { agencyId: string }).agencyId);
        noStore(reply).code(201);
        return { ticket };
      },
    },
    {
      path: "/queue/tickets/:code", operationId: "getQueueTicket",
      summary: "A booking or walk-in number by its code (no name or phone): its status and, once served, `survey` with the visit token for one SKM (POST /surveys)",
      schema: { params: TicketCodeParams, querystring: LangQuery, response: { 200: QueueTicketAnswer, ...errs(400, 404, 429) } },
      handler: async (req, reply) => {
        limit(deps, "lookup", req);
        const ticket = await findTicket(deps.db.kysely, (req.params as { code: string }).code, new Date(deps.now()));
        noStore(reply);
        return { ticket };
      },
    },
    {
      path: "/regions/:code/queue/board", operationId: "queueBoard",
      summary: "The lobby board: per counter the number called last today, and the last calls",
      schema: { params: RegionParams, querystring: LangQuery, response: { 200: BoardAnswer, ...errs(400, 404) } },
      handler: async (req, reply) => {
        const { code } = req.params as { code: string };
        if (!await regionExists(deps, code)) throw regionNotFound(code);
        reply.header("cache-control", CACHE_NO_STORE);
        return { board: await readBoard(deps.db.kysely, code, new Date(deps.now())) };
      },
    },
    {
      path: "/regions/:code/queue/board/stream", operationId: "queueBoardStream", limitClass: "connect",
      summary: "The lobby board live, as Server-Sent Events: an event `board` with { board } now and at every change (reconnect: EventSource does it by itself)",
      produces: ["text/event-stream"],
      schema: { params: RegionParams, querystring: LangQuery, response: { 200: BoardAnswer, ...errs(400, 404, 429) } },
      handler: (req, reply) => boardStream(deps, req, reply),
    },
  ];
}

async function boardStream(deps: PublicDeps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { code } = req.params as { code: string };
  if (!await regionExists(deps, code)) throw regionNotFound(code);
  const reg = deps.streams;
  const mine = reg.byAddress.get(req.ip) ?? 0;
  if (reg.open.size >= deps.maxStreams.total || mine >= deps.maxStreams.perAddress) {
    const f = new QueueFailure("queue_rate_limited", queueMessage("queue_rate_limited", { retry: 30 }));
    f.retryAfter = 30;
    throw f;
  }
  reply.hijack();
  const res = reply.raw;
  reg.open.add(res);
  reg.byAddress.set(req.ip, mine + 1);
  res.writeHead(200, {
    ...(reply.getHeaders() as import("node:http").OutgoingHttpHeaders),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    "x-accel-buffering": "no",
  });
  res.write("retry: 2000\n\n");
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  const send = (json: string) => { if (!closed) res.write(`event: board\ndata: {"board":${json}}\n\n`); };
  // An event, not a comment: the page's watchdog sees it (EventSource hides comments).
  const ping = setInterval(() => { if (!closed) res.write("event: ping\ndata: 1\n\n"); }, 15_000);
  ping.unref();
  res.on("close", () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    unsubscribe?.();
    reg.open.delete(res);
    const left = (reg.byAddress.get(req.ip) ?? 1) - 1;
    if (left > 0) reg.byAddress.set(req.ip, left);
    else reg.byAddress.delete(req.ip);
  });
  unsubscribe = await deps.hub.subscribe(code, send);
  if (closed) unsubscribe();
}
