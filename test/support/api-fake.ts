// The experience's API over the real server in-process (fastify inject, in-memory database), so
// Node tests of scene assembly see the same seed data the app shows.
import type { FastifyInstance } from "fastify";
import { build, type BuildOptions } from "../../src/server/app";
import type { RegionDetail, RegionSummary, Service, ServiceSummary } from "../../src/domain/types";

export interface InjectedApi {
  app: FastifyInstance;
  calls: string[];
  regions(): Promise<RegionSummary[]>;
  region(code: string): Promise<RegionDetail>;
  services(code: string, opts?: { agency?: string; q?: string }): Promise<ServiceSummary[]>;
  service(id: string): Promise<Service>;
}

/** Options pass to build(); e.g. { rateLimit: false } for tests making thousands of calls. */
export async function injectedApi(options: BuildOptions = {}): Promise<InjectedApi> {
  const app = await build({ dbPath: ":memory:", logger: false, ...options });
  const calls: string[] = [];
  const get = async (url: string) => {
    calls.push(url);
    const res = await app.inject({ method: "GET", url: `/api/v1${url}` });
    if (res.statusCode !== 200) throw Object.assign(new Error(`${url}: HTTP ${res.statusCode}`), { kind: "http", status: res.statusCode });
    return res.json();
  };
  return {
    app,
    calls,
    regions: async () => (await get("/regions")).regions,
    region: async (code) => (await get(`/regions/${code}`)).region,
    services: async (code, opts = {}) => {
      const q = new URLSearchParams(Object.entries(opts).filter(([, v]) => v) as [string, string][]).toString();
      return (await get(`/regions/${code}/services${q ? `?${q}` : ""}`)).services;
    },
    service: async (id) => (await get(`/services/${id}`)).service,
  };
}
