// The counter page's calls: the officer's session (sign-in, who am I, sign-out), the counters the
// officer may work at, a counter's state and its actions. Same error class and checks as the
// citizens' queue client (queue-api.ts).
import { Type } from "@sinclair/typebox";
import { CounterListAnswer, CounterStateAnswer, type CounterState, type Lang } from "../../domain/queue/shapes";
import { Nullable } from "../../domain/types";
import { requestJson, type FetchLike } from "../queue/queue-api";

const UserAnswer = Type.Object({
  user: Type.Object({ username: Type.String(), role: Type.String(), region: Nullable(Type.String()), agency: Nullable(Type.String()) }),
});
const OkAnswer = Type.Object({ ok: Type.Boolean() });

export interface OfficerUser { username: string; role: string; region: string | null; agency: string | null }
export interface CounterSummary { id: string; label: string; agencyId: string; agencyShortName: string; regionCode: string; waiting: number }
export type CounterAction = "call" | "recall" | "served" | "no-show" | "transfer";

export interface CounterApi {
  me(): Promise<OfficerUser>;
  login(username: string, password: string): Promise<OfficerUser>;
  logout(): Promise<void>;
  counters(region?: string): Promise<CounterSummary[]>;
  state(counterId: string): Promise<CounterState>;
  act(counterId: string, action: CounterAction, body: { expect: string | null; to?: string }): Promise<CounterState>;
}

export function createCounterApi(options: { lang: () => Lang; fetch?: FetchLike }): CounterApi {
  const f = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = "/api/v1";
  const r = (extra: { method?: "GET" | "POST"; body?: unknown } = {}) => ({ lang: options.lang(), ...extra });
  const user = (u: { user: OfficerUser }) => u.user;
  return {
    me: async () => user(await requestJson(f, `${base}/auth/me`, UserAnswer, r())),
    login: async (username, password) => user(await requestJson(f, `${base}/auth/login`, UserAnswer, r({ method: "POST", body: { username, password } }))),
    logout: async () => { await requestJson(f, `${base}/auth/logout`, OkAnswer, r({ method: "POST", body: {} })); },
    counters: async (region) => (await requestJson(f, `${base}/admin/queue/counters${region ? `?region=${encodeURIComponent(region)}` : ""}`, CounterListAnswer, r())).counters,
    state: async (id) => (await requestJson(f, `${base}/admin/queue/counters/${encodeURIComponent(id)}`, CounterStateAnswer, r())).state,
    act: async (id, action, body) => (await requestJson(f, `${base}/admin/queue/counters/${encodeURIComponent(id)}/${action}`, CounterStateAnswer, r({ method: "POST", body }))).state,
  };
}
