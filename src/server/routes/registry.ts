// The API's route table: each route is declared once with its schemas, registered with fastify
// and described in the OpenAPI document from the same declaration.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import { sendError } from "../errors";

export interface RouteSpec {
  /** Default GET. Write routes (officers' features) name theirs; the OpenAPI document lists each method. */
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Fastify path relative to the API prefix, e.g. "/regions/:code". */
  path: string;
  operationId: string;
  summary: string;
  schema: {
    params?: object;
    querystring?: object;
    /** A JSON request body. */
    body?: object;
    response: Record<number, object>;
  };
  /** Needs a signed-in officer (the session cookie): shown as such in the OpenAPI document. */
  session?: boolean;
  /** Non-JSON answers (CSV, XLSX) by media type, for the OpenAPI document. */
  produces?: string[];
  handler: RouteHandlerMethod;
}

export const ALLOWED_METHODS = "GET, HEAD";
const OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"] as const;

/** Answers 405 in onRequest, before any body is read or parsed. */
async function methodNotAllowed(_req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  reply.header("allow", ALLOWED_METHODS);
  return sendError(reply, "method_not_allowed", `Only ${ALLOWED_METHODS} are allowed here.`);
}

/** Registers GET (and HEAD, by fastify) for the route, and 405 with Allow for other methods. */
export function registerReadOnly(app: FastifyInstance, url: string, options: {
  schema?: object;
  handler: RouteHandlerMethod;
}): void {
  app.route({ method: "GET", url, schema: options.schema ?? {}, handler: options.handler });
  app.route({
    method: [...OTHER_METHODS],
    url,
    onRequest: methodNotAllowed,
    handler: async () => undefined,
  });
}
