// The browser's client for questions, complaints and the SKM: JSON POSTs and GETs on this origin
// (the browser adds Origin; the server refuses other origins), a timeout, nothing cached (tickets are
// private, surveys spend a visit), and every answer checked against the server's own schemas.
// Failures are the app's ApiError (kind network | timeout | http | invalid, with the API's code).
import type { Static, TSchema } from "@sinclair/typebox";
import {
  IkmAnswer, PublicTicketAnswer, SurveyAnswer, TicketCreatedAnswer, VisitAnswer, type TicketInput,
} from "../../domain/feedback/shapes";
import { check, ValidationError } from "../../domain/validate";
import { ApiError } from "../api/client";

export interface FeedbackApiOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export type Visit = Static<typeof VisitAnswer>["visit"];
export type PublicTicket = Static<typeof PublicTicketAnswer>["ticket"];
export type CreatedTicket = Static<typeof TicketCreatedAnswer>["ticket"];
export type RegionIkm = Static<typeof IkmAnswer>;

export interface SurveyInput {
  agencyId: string;
  serviceId?: string;
  answers: number[];
  comment?: string;
  visitToken: string;
}

export interface FeedbackApi {
  createTicket(input: TicketInput): Promise<CreatedTicket>;
  ticket(code: string): Promise<PublicTicket>;
  addMessage(code: string, text: string): Promise<PublicTicket>;
  visit(body: { kind: "service"; serviceId: string } | { kind: "lobby"; regionCode: string }): Promise<Visit>;
  survey(input: SurveyInput): Promise<Static<typeof SurveyAnswer>["survey"]>;
  regionIkm(code: string, year?: number): Promise<RegionIkm>;
}

export function createFeedbackApi(options: FeedbackApiOptions = {}): FeedbackApi {
  const base = (options.baseUrl ?? "/api/v1").replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function request<S extends TSchema>(method: "GET" | "POST", path: string, schema: S, body?: unknown): Promise<Static<S>> {
    const url = `${base}${path}`;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method,
        headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "same-origin",
        signal: controller.signal,
      });
    } catch (err) {
      throw timedOut
        ? new ApiError("timeout", `No answer from ${url} within ${timeoutMs} ms`, null, null, url)
        : new ApiError("network", `Network error for ${url}: ${err instanceof Error ? err.message : String(err)}`, null, null, url);
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new ApiError(res.ok ? "invalid" : "http", `${url} answered ${res.status} without JSON`, res.status, null, url);
    }
    if (!res.ok) {
      const e = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      throw new ApiError("http", typeof e?.message === "string" ? e.message : `HTTP ${res.status}`, res.status, typeof e?.code === "string" ? e.code : null, url);
    }
    try {
      return check(schema, json, "body") as Static<S>;
    } catch (err) {
      throw new ApiError("invalid", err instanceof ValidationError ? err.message : String(err), res.status, null, url);
    }
  }

  const enc = encodeURIComponent;
  return {
    createTicket: async (input) => (await request("POST", "/tickets", TicketCreatedAnswer, input)).ticket,
    ticket: async (code) => (await request("GET", `/tickets/${enc(code)}`, PublicTicketAnswer)).ticket,
    addMessage: async (code, text) => (await request("POST", `/tickets/${enc(code)}/messages`, PublicTicketAnswer, { text })).ticket,
    visit: async (body) => (await request("POST", "/visits", VisitAnswer, body)).visit,
    survey: async (input) => (await request("POST", "/surveys", SurveyAnswer, input)).survey,
    regionIkm: (code, year) => request("GET", `/regions/${enc(code)}/ikm${year ? `?year=${year}` : ""}`, IkmAnswer),
  };
}
