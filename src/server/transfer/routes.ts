// POST /api/v1/admin/import?format=csv|xlsx[&commit=true&note=...]: the file is the body
// (text/csv, the XLSX media type, or application/octet-stream). Without commit: a dry run that
// answers the per-record diff and the per-row errors. With commit: drafts for every changed row,
// only when the file has no error (else 422 with the same list; nothing written).
// GET /api/v1/admin/export?format=csv|xlsx[&region=&agency=&template=true]: the services in scope.
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { covers, type Officer } from "../../domain/admin/roles";
import { todayWib } from "../../domain/admin/review-age";
import { ExportQuery, ImportAnswer, ImportQuery } from "../../domain/admin/shapes";
import type { RequireOfficerOptions } from "../auth/guard";
import type { WorkflowContext } from "../admin/drafts";
import { HttpError, errorBody } from "../errors";
import { CACHE_NO_STORE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { errorSchema, responses } from "../schemas";
import { readCsv, writeCsv } from "./csv";
import { exportRows, HEADER } from "./export";
import { commitImport, planImport } from "./import";
import { MAX_FILE_BYTES, SheetError, type SheetData } from "./sheet";
import { readXlsx, writeXlsx } from "./xlsx";

type Guard = (options: RequireOfficerOptions) => NonNullable<WriteRouteSpec["preHandler"]>;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FILE_TYPES = ["text/csv", XLSX_TYPE, "application/octet-stream"];

const ImportFailure = Type.Object({ ...ImportAnswer.properties, error: errorSchema.properties.error });

export function transferRoutes(ctx: WorkflowContext, guard: Guard): WriteRouteSpec[] {
  const { db } = ctx;
  return [
    {
      method: "POST",
      path: "/admin/import",
      operationId: "adminImport",
      summary: "Imports Standar Pelayanan sheets (CSV or XLSX, the template's columns): a dry run by default (per-record diff against what is published, per-row errors); commit=true creates drafts, never publishes, and writes nothing if any row has an error",
      session: true,
      rawBody: FILE_TYPES,
      bodyLimit: MAX_FILE_BYTES,
      schema: { querystring: ImportQuery, response: { ...responses(ImportAnswer, [400, 401, 403, 413, 415]), 422: ImportFailure } },
      preHandler: guard({ action: "service.draft", scope: (req) => ({ region: (req.officer as Officer).region, agency: (req.officer as Officer).agency }) }),
      handler: async (req: FastifyRequest, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const q = req.query as { format: "csv" | "xlsx"; commit?: boolean; note?: string };
        const body = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError("bad_request", "Send the file as the request body (text/csv or the XLSX media type).");
        let sheet: SheetData;
        try {
          sheet = q.format === "csv" ? readCsv(body) : await readXlsx(body);
        } catch (err) {
          if (!(err instanceof SheetError)) throw err;
          const answer = { committed: false, rows: 0, records: [], errors: err.errors, drafts: 0 };
          if (q.commit) return reply.code(422).send({ ...answer, ...errorBody("import_invalid") });
          return answer;
        }
        const officer = req.officer as Officer;
        const plan = await planImport(db, officer, sheet, todayWib(ctx.now()));
        const answer = {
          committed: false, rows: sheet.rows.length,
          records: plan.rows.map((r) => ({ row: r.row, id: r.id, action: r.action, changes: r.changes })),
          errors: plan.errors, drafts: 0,
        };
        if (!q.commit) return answer;
        if (plan.errors.length > 0) return reply.code(422).send({ ...answer, ...errorBody("import_invalid", `The file has ${plan.errors.length} error(s): nothing was imported.`) });
        const note = q.note?.trim() || `Impor berkas ${q.format.toUpperCase()}`;
        const drafts = await commitImport(ctx, plan, { officer, address: req.ip }, note);
        return { ...answer, committed: true, drafts };
      },
    },
    {
      path: "/admin/export",
      operationId: "adminExport",
      summary: "Exports the published services in scope as a Standar Pelayanan sheet (CSV or XLSX, the import template's columns; cells neutralised against formula injection); template=true gives the empty template",
      session: true,
      produces: ["text/csv", XLSX_TYPE],
      schema: { querystring: ExportQuery, response: responses(Type.String(), [400, 401, 403]) },
      preHandler: guard({}),
      handler: async (req: FastifyRequest, reply) => {
        const q = req.query as { format: "csv" | "xlsx"; region?: string; agency?: string; template?: boolean };
        const officer = req.officer as Officer;
        if (q.region && !covers(officer, { region: q.region, agency: officer.role === "editor" ? officer.agency : null })) throw new HttpError("forbidden");
        if (q.agency && officer.role === "editor" && q.agency !== officer.agency) throw new HttpError("forbidden");
        const rows = q.template ? [] : await exportRows(db, officer, { region: q.region, agency: q.agency });
        const name = q.template ? "templat-standar-pelayanan" : `standar-pelayanan-${q.region ?? officer.region ?? "jabar"}${q.agency ? `-${q.agency}` : officer.agency ? `-${officer.agency}` : ""}`;
        reply.header("cache-control", CACHE_NO_STORE).header("content-disposition", `attachment; filename="${name}.${q.format}"`);
        if (q.format === "csv") return reply.type("text/csv; charset=utf-8").send(writeCsv(HEADER, rows));
        return reply.type(XLSX_TYPE).send(await writeXlsx(HEADER, rows));
      },
    },
  ];
}
