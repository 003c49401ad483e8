// Builds the OpenAPI 3.1 document from the route table (registry.ts): paths, parameters and
// response schemas are the very objects fastify validates and serializes with.
import { errorSchema } from "../schemas";
import type { RouteSpec } from "./registry";

interface ObjectSchema {
  properties?: Record<string, { description?: string } & Record<string, unknown>>;
  required?: readonly string[];
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  304: "Not modified (If-None-Match matched the ETag)",
  400: "Malformed parameter or query",
  401: "No valid session, or wrong username or password",
  403: "Outside the role's scope, or a state change from another origin",
  404: "Not found",
  409: "Conflicts with the record's current state",
  413: "Body too large",
  422: "The file has errors; nothing was written",
  429: "Too many attempts; see Retry-After",
  405: "Method not allowed",
  500: "Internal error",
};

function parameters(where: "path" | "query", schema: object | undefined) {
  const s = schema as ObjectSchema | undefined;
  if (!s?.properties) return [];
  return Object.entries(s.properties).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === "path" || (s.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(routes: readonly RouteSpec[], options: { prefix: string; version: string }) {
  const paths: Record<string, unknown> = {};
  for (const r of routes) {
    const method = (r.method ?? "GET").toLowerCase();
    const path = `${options.prefix}${r.path}`.replace(/:([A-Za-z]+)/g, "{$1}");
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(r.schema.response)) {
      const media = status === "200" && r.produces ? r.produces : ["application/json"];
      responses[status] = {
        description: STATUS_TEXT[Number(status)] ?? "Response",
        content: Object.fromEntries(media.map((m) => [m, { schema: m === "application/json" ? schema : { type: "string" } }])),
      };
    }
    if (method === "get") responses["304"] = { description: STATUS_TEXT[304] };
    responses["405"] = { description: STATUS_TEXT[405], content: { "application/json": { schema: errorSchema } } };
    responses["500"] = { description: STATUS_TEXT[500], content: { "application/json": { schema: errorSchema } } };
    const item = (paths[path] ??= {}) as Record<string, unknown>;
    item[method] = {
      operationId: r.operationId,
      summary: r.summary,
      parameters: [...parameters("path", r.schema.params), ...parameters("query", r.schema.querystring)],
      ...(r.schema.body ? { requestBody: { required: true, content: { "application/json": { schema: r.schema.body } } } } : {}),
      ...(r.session ? { security: [{ session: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "MPP Digital XR API",
      version: options.version,
      description:
        "Public-service information of the Mal Pelayanan Publik of the 27 kabupaten/kota of Jawa Barat. " +
        "Records that are not verified say so (verified: false, lastVerified: null); no source or date is invented. " +
        "Errors are { error: { code, message } }. Responses carry a strong ETag and answer If-None-Match with 304.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      // Officers sign in with POST /api/v1/auth/login; the session is an HttpOnly cookie.
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "mpp_session" } },
    },
  };
}
