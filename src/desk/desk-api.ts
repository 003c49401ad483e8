// The officers' client for questions, complaints and the SKM: sign-in (the session is an HttpOnly
// cookie the browser keeps), the inbox, one ticket, the handling steps, the region's index and the
// survey comments. Same origin only; every answer checked against the server's schemas.
import type { Static, TSchema } from "@sinclair/typebox";
import { OkAnswer, UserAnswer } from "../domain/admin/shapes";
import { IkmAnswer, InboxAnswer, OfficerTicketAnswer, SurveyCommentsAnswer } from "../domain/feedback/shapes";
import { RegionAnswer } from "../domain/types";
import { check } from "../domain/validate";

export class DeskError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = "DeskError";
  }
}

export type Officer = Static<typeof UserAnswer>["user"];
export type Inbox = Static<typeof InboxAnswer>;
export type OfficerTicket = Static<typeof OfficerTicketAnswer>;
export type RegionIkm = Static<typeof IkmAnswer>;
export type SurveyComments = Static<typeof SurveyCommentsAnswer>["comments"];

export interface InboxQuery { status?: "open" | "closed" | "all"; kind?: "konsultasi" | "pengaduan"; region?: string }

export interface DeskApi {
  me(): Promise<Officer | null>;
  login(username: string, password: string): Promise<Officer>;
  logout(): Promise<void>;
  inbox(q: InboxQuery): Promise<Inbox>;
  ticket(code: string): Promise<OfficerTicket>;
  take(code: string): Promise<OfficerTicket>;
  answer(code: string, text: string): Promise<OfficerTicket>;
  forward(code: string, agencyId: string, note: string): Promise<OfficerTicket>;
  close(code: string, note: string): Promise<OfficerTicket>;
  lapor(code: string, laporId: string, close: boolean): Promise<OfficerTicket>;
  agencies(region: string): Promise<Array<{ id: string; name: string }>>;
  regionIkm(region: string, year: number): Promise<RegionIkm>;
  comments(q: { region?: string; year: number }): Promise<SurveyComments>;
}

export function createDeskApi(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis), base = "/api/v1"): DeskApi {
  async function call<S extends TSchema>(method: "GET" | "POST", path: string, schema: S, body?: unknown): Promise<Static<S>> {
    const res = await fetchImpl(`${base}${path}`, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new DeskError(res.status, e?.code ?? "http", e?.message ?? `HTTP ${res.status}`);
    }
    return check(schema, json, "body") as Static<S>;
  }
  const t = (code: string) => `/admin/tickets/${encodeURIComponent(code)}`;
  const qs = (o: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== "") p.set(k, String(v));
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  return {
    async me() {
      try {
        return (await call("GET", "/auth/me", UserAnswer)).user;
      } catch (err) {
        if (err instanceof DeskError && err.status === 401) return null;
        throw err;
      }
    },
    login: async (username, password) => (await call("POST", "/auth/login", UserAnswer, { username, password })).user,
    logout: async () => { await call("POST", "/auth/logout", OkAnswer, {}); },
    inbox: (q) => call("GET", `/admin/tickets${qs({ status: q.status, kind: q.kind, region: q.region })}`, InboxAnswer),
    ticket: (code) => call("GET", t(code), OfficerTicketAnswer),
    take: (code) => call("POST", `${t(code)}/take`, OfficerTicketAnswer, {}),
    answer: (code, text) => call("POST", `${t(code)}/answer`, OfficerTicketAnswer, { text }),
    forward: (code, agencyId, note) => call("POST", `${t(code)}/forward`, OfficerTicketAnswer, { agencyId, ...(note.trim() ? { note } : {}) }),
    close: (code, note) => call("POST", `${t(code)}/close`, OfficerTicketAnswer, note.trim() ? { note } : {}),
    lapor: (code, laporId, close) => call("POST", `${t(code)}/lapor`, OfficerTicketAnswer, { laporId, close }),
    agencies: async (region) => (await call("GET", `/regions/${encodeURIComponent(region)}`, RegionAnswer)).region.agencies.map((a) => ({ id: a.id, name: a.name })),
    regionIkm: (region, year) => call("GET", `/regions/${encodeURIComponent(region)}/ikm?year=${year}`, IkmAnswer),
    comments: async (q) => (await call("GET", `/admin/surveys/comments${qs({ region: q.region, year: q.year })}`, SurveyCommentsAnswer)).comments,
  };
}
