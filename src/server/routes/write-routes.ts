// Registers route specs that may write (officers' features and, later, citizens' forms): each with
// its method, schemas, guard and rate-limit class, plus 405 with Allow for the other methods of the
// same path. The same specs feed the OpenAPI document (registerApi's extra routes).
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, preValidationAsyncHookHandler } from "fastify";
import { sendError } from "../errors";
import type { RouteSpec } from "./registry";

export type LimitClassName = "api" | "static" | "write" | "connect";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The rate-limit class of this route (hardening's http/rate-limit.ts); default "api" for GET, "write" otherwise. */
    limitClass?: LimitClassName;
  }
}

export interface WriteRouteSpec extends RouteSpec {
  preHandler?: preHandlerAsyncHookHandler | Array<preHandlerAsyncHookHandler>;
  /** Runs before the schema's validation (which coerces types): e.g. a strict type check of a body. */
  preValidation?: preValidationAsyncHookHandler;
  /** Default: "api" for GET, "write" for anything else (see FastifyContextConfig.limitClass). */
  limitClass?: LimitClassName;
  /** Bigger bodies than the server's default (the import's files). */
  bodyLimit?: number;
  /** Media types read as a raw Buffer body (files), in this route only. */
  rawBody?: string[];
}

const ALL = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"] as const;

export function registerWriteRoutes(app: FastifyInstance, prefix: string, specs: readonly WriteRouteSpec[]): void {
  const byPath = new Map<string, string[]>();
  for (const s of specs) {
    const method = s.method ?? "GET";
    const url = `${prefix}${s.path}`;
    const add = (target: FastifyInstance) => target.route({
      method,
      url,
      schema: s.schema,
      config: { limitClass: s.limitClass ?? (method === "GET" ? "api" : "write") },
      ...(s.bodyLimit ? { bodyLimit: s.bodyLimit } : {}),
      ...(s.preHandler ? { preHandler: s.preHandler } : {}),
      ...(s.preValidation ? { preValidation: s.preValidation } : {}),
      handler: s.handler,
    });
    if (s.rawBody) {
      // A child context: the file parsers apply to this route only, not to every JSON route.
      const types = s.rawBody;
      void app.register(async (child) => {
        child.addContentTypeParser(types, { parseAs: "buffer" }, (_req, body, done) => done(null, body));
        add(child);
      });
    } else {
      add(app);
    }
    const list = byPath.get(url) ?? [];
    list.push(method);
    if (method === "GET") list.push("HEAD");
    byPath.set(url, list);
  }
  for (const [url, methods] of byPath) {
    const allow = methods.join(", ");
    const others = ALL.filter((m) => !methods.includes(m));
    app.route({
      method: others,
      url,
      config: { limitClass: "api" },
      onRequest: async (_req: FastifyRequest, reply: FastifyReply) => {
        reply.header("allow", allow);
        return sendError(reply, "method_not_allowed", `Only ${allow} are allowed here.`);
      },
      handler: async () => undefined,
    });
  }
}
