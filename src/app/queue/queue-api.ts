// The browser's client for the queue routes: the day's slots, booking, lookup and cancel, walk-in
// numbers and the board. Nothing is cached (places and numbers are live; the service worker leaves
// these routes to the network too), every answer is checked against its shape, and every failure is
// a QueueApiError whose message is the server's own, already in the visitor's language. A number is
// shown only from a checked 201 answer: a timeout or a lost connection is an error, never a number.
import type { TSchema, Static } from "@sinclair/typebox";
import { check } from "../../domain/validate";
import { ApiErrorBodySchema } from "../../domain/types";
import {
  BoardAnswer, BookingAnswer, QueueDayAnswer, QueueTicketAnswer, WalkInAnswer, type Booking, type Board, type Lang, type QueueDay, type QueueTicket,
  type WalkInTicket,
} from "../../domain/queue/shapes";

export type QueueApiErrorKind = "network" | "timeout" | "http" | "invalid";

export class QueueApiError extends Error {
  constructor(readonly kind: QueueApiErrorKind, message: string, readonly status: number | null = null, readonly code: string | null = null) {
    super(message);
    this.name = "QueueApiError";
  }
}

export interface JsonRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  lang: Lang;
  timeoutMs?: number;
}

export type FetchLike = typeof globalThis.fetch;

/** One JSON request with a timeout; the answer checked against `schema`. */
export async function requestJson<S extends TSchema>(fetchImpl: FetchLike, url: string, schema: S, r: JsonRequest): Promise<Static<S>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, r.timeoutMs ?? 8000);
  let res: Response;
  let text: string;
  try {
    res = await fetchImpl(url, {
      method: r.method ?? "GET",
      headers: { accept: "application/json", "accept-language": r.lang, ...(r.body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
      signal: controller.signal,
      credentials: "same-origin",
      cache: "no-store",
    });
    text = await res.text();
  } catch (err) {
    throw new QueueApiError(timedOut ? "timeout" : "network", timedOut ? `No answer within ${r.timeoutMs ?? 8000} ms` : `Network error: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    try {
      const body = check(ApiErrorBodySchema, JSON.parse(text), "body") as Static<typeof ApiErrorBodySchema>;
      throw new QueueApiError("http", body.error.message, res.status, body.error.code);
    } catch (err) {
      if (err instanceof QueueApiError) throw err;
      throw new QueueApiError("http", `HTTP ${res.status}`, res.status);
    }
  }
  try {
    return check(schema, JSON.parse(text), "body") as Static<S>;
  } catch (err) {
    throw new QueueApiError("invalid", `Malformed answer: ${err instanceof Error ? err.message : String(err)}`, res.status);
  }
}

export interface BookingInput {
  agencyId: string;
  serviceId?: string;
  date: string;
  slot: string;
  name?: string;
  phone?: string;
}

export interface QueueApi {
  day(region: string, date?: string): Promise<QueueDay>;
  book(input: BookingInput): Promise<Booking>;
  booking(code: string): Promise<Booking>;
  /** A booking or walk-in number by its code; once served, with its survey (issue 15). */
  ticket(code: string): Promise<QueueTicket>;
  cancel(code: string): Promise<Booking>;
  walkIn(agencyId: string): Promise<WalkInTicket>;
  board(region: string): Promise<Board>;
}

export function createQueueApi(options: { lang: () => Lang; fetch?: FetchLike; baseUrl?: string; timeoutMs?: number }): QueueApi {
  const base = (options.baseUrl ?? "/api/v1").replace(/\/+$/, "");
  const f = options.fetch ?? globalThis.fetch.bind(globalThis);
  const req = (extra: Omit<JsonRequest, "lang"> = {}): JsonRequest => ({ lang: options.lang(), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...extra });
  const code = (c: string) => encodeURIComponent(c.trim());
  return {
    day: (region, date) => requestJson(f, `${base}/regions/${encodeURIComponent(region)}/queue${date ? `?date=${encodeURIComponent(date)}` : ""}`, QueueDayAnswer, req()),
    book: async (input) => (await requestJson(f, `${base}/queue/bookings`, BookingAnswer, req({ method: "POST", body: { ...input, lang: options.lang() } }))).booking,
    booking: async (c) => (await requestJson(f, `${base}/queue/bookings/${code(c)}`, BookingAnswer, req())).booking,
    ticket: async (c) => (await requestJson(f, `${base}/queue/tickets/${code(c)}`, QueueTicketAnswer, req())).ticket,
    cancel: async (c) => (await requestJson(f, `${base}/queue/bookings/${code(c)}`, BookingAnswer, req({ method: "DELETE" }))).booking,
    walkIn: async (agencyId) => (await requestJson(f, `${base}/queue/tickets`, WalkInAnswer, req({ method: "POST", body: { agencyId, lang: options.lang() } }))).ticket,
    board: async (region) => (await requestJson(f, `${base}/regions/${encodeURIComponent(region)}/queue/board`, BoardAnswer, req())).board,
  };
}
