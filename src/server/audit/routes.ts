// GET /api/v1/admin/audit?entity=service:ID[&format=csv]: a record's history, oldest first, as JSON
// { entries: [{ at, actor, action, changes: [{ field, before, after }], ... }] } or as CSV (one line
// per changed field, cells neutralised against formula injection). Officers read the history of
// records in their scope; the whole log, officers' accounts and client addresses are for province
// admins only (an address is personal data: others get null).
import Papa from "papaparse";
import type { FastifyRequest } from "fastify";
import { covers, type Officer, type Scope } from "../../domain/admin/roles";
import { AuditAnswer, AuditQuery } from "../../domain/admin/shapes";
import type { Db } from "../db/open";
import { HttpError } from "../errors";
import { CACHE_NO_STORE } from "../http/cache";
import type { RequireOfficerOptions } from "../auth/guard";
import type { WriteRouteSpec } from "../routes/write-routes";
import { responses } from "../schemas";
import { neutralizeCell } from "../transfer/cells";
import { auditEntries, type AuditEntry } from "./log";

type Guard = (options: RequireOfficerOptions) => NonNullable<WriteRouteSpec["preHandler"]>;

/** Who may read an entity's history: the scope of the record, found even if it was never published. */
export async function auditScope(db: Db, entity: string): Promise<Scope | "province-only"> {
  const [kind, id] = [entity.slice(0, entity.indexOf(":")), entity.slice(entity.indexOf(":") + 1)];
  const k = db.kysely;
  if (kind === "service") {
    const s = await k.selectFrom("services as s").innerJoin("agencies as a", "a.id", "s.agency_id").select(["s.region_code", "a.slug"]).where("s.id", "=", id).executeTakeFirst();
    if (s) return { region: s.region_code, agency: s.slug };
  } else if (kind === "agency") {
    const a = await k.selectFrom("agencies").select(["region_code", "slug"]).where("id", "=", id).executeTakeFirst();
    if (a) return { region: a.region_code, agency: a.slug };
  } else if (kind === "region") {
    return { region: id, agency: null };
  } else if (kind === "counter") {
    const c = await k.selectFrom("counters as c").innerJoin("agencies as a", "a.id", "c.agency_id").select(["a.region_code", "a.slug"]).where("c.id", "=", id).executeTakeFirst();
    return c ? { region: c.region_code, agency: c.slug } : "province-only";
  } else {
    return "province-only";
  }
  const d = await k.selectFrom("drafts").select(["region_code", "agency_slug"]).where("kind", "=", kind as "service" | "agency").where("entity_id", "=", id).executeTakeFirst();
  if (d) return { region: d.region_code, agency: d.agency_slug };
  return "province-only";
}

const CSV_HEADER = ["seq", "at", "actor", "role", "address", "action", "entity", "field", "before", "after", "note"];

const cellText = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows: string[][] = [];
  for (const e of entries) {
    const base = [String(e.seq), e.at, e.actor, e.role ?? "", e.address ?? "", e.action, e.entity];
    const changes = e.changes.length > 0 ? e.changes : [{ field: "", before: null, after: null }];
    for (const c of changes) rows.push([...base, c.field, cellText(c.before), cellText(c.after), e.note ?? ""]);
  }
  const body = Papa.unparse({ fields: CSV_HEADER, data: rows.map((r) => r.map(neutralizeCell)) }, { newline: "\r\n" });
  // A BOM so spreadsheets read the file as UTF-8 (names with accents, "·").
  return `\ufeff${body}\r\n`;
}

export function auditRoutes(db: Db, guard: Guard): WriteRouteSpec[] {
  return [
    {
      path: "/admin/audit",
      operationId: "adminAudit",
      summary: "The audit trail of one record (entity=service:ID, agency:ID, region:CODE, officer:NAME), oldest first; format=csv for a CSV file",
      session: true,
      produces: ["application/json", "text/csv"],
      schema: { querystring: AuditQuery, response: responses(AuditAnswer, [400, 401, 403]) },
      preHandler: guard({}),
      handler: async (req: FastifyRequest, reply) => {
        const q = req.query as { entity?: string; afterSeq?: number; limit?: number; format?: "json" | "csv" };
        const officer = req.officer as Officer;
        const province = officer.role === "province-admin";
        if (!q.entity && !province) throw new HttpError("forbidden", "Only a province admin reads the whole log: name an entity, e.g. entity=service:3273-imigrasi-paspor-biasa.");
        if (q.entity && !province) {
          const scope = await auditScope(db, q.entity);
          if (scope === "province-only" || !covers(officer, scope)) throw new HttpError("forbidden");
        }
        const limit = q.format === "csv" ? 100_000 : q.limit ?? 200;
        const entries = (await auditEntries(db.kysely, { entity: q.entity ?? null, afterSeq: q.afterSeq, limit }))
          .map((e) => (province ? e : { ...e, address: null }));
        reply.header("cache-control", CACHE_NO_STORE);
        if (q.format === "csv") {
          const name = (q.entity ?? "audit").replace(/[^a-z0-9._-]+/gi, "_");
          return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="riwayat-${name}.csv"`).send(auditCsv(entries));
        }
        return { entries, next: entries.length === limit ? entries[entries.length - 1]!.seq : null };
      },
    },
  ];
}
