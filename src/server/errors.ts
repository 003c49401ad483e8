// Every error the server answers with, in one place: code, HTTP status and a default message.
// All error bodies have the shape { "error": { "code", "message" } } (types.ts ApiErrorBody).
import type { FastifyReply } from "fastify";
import type { ApiErrorBody } from "../domain/types";
import { QUEUE_ERRORS } from "./queue/errors";

export const ERRORS = {
  bad_request: { status: 400, message: "The request could not be understood." },
  invalid_parameter: { status: 400, message: "A parameter is malformed." },
  query_missing: { status: 400, message: "The search needs a query: q must not be empty." },
  query_too_long: { status: 400, message: "The query is too long: q has at most 100 characters." },
  region_not_found: { status: 404, message: "No kabupaten/kota with this code in Jawa Barat." },
  service_not_found: { status: 404, message: "No service with this id." },
  forbidden_origin: { status: 403, message: "This page's origin may not open this connection." },
  not_found: { status: 404, message: "Nothing here." },
  method_not_allowed: { status: 405, message: "This method is not allowed on this route." },
  request_timeout: { status: 408, message: "The request took too long to arrive." },
  // officers (src/server/auth, src/server/admin)
  unauthenticated: { status: 401, message: "Sign in first: no valid session." },
  invalid_credentials: { status: 401, message: "Wrong username or password." },
  forbidden: { status: 403, message: "Your account may not do this here." },
  cross_origin: { status: 403, message: "State changes are accepted only from this site's own pages." },
  record_not_found: { status: 404, message: "No such record." },
  draft_not_found: { status: 404, message: "This record has no open draft." },
  conflict: { status: 409, message: "This conflicts with the record's current state." },
  invalid_field: { status: 400, message: "A field of the record is not valid." },
  import_invalid: { status: 422, message: "The file has errors: nothing was imported." },
  login_locked: { status: 429, message: "Too many failed sign-ins: wait until the time given in Retry-After." },
  // questions, complaints and the SKM (src/server/feedback)
  invalid_text: { status: 400, message: "The text is empty, broken or too long." },
  invalid_contact: { status: 400, message: "The contact must be an e-mail address or an Indonesian phone number." },
  unknown_reference: { status: 400, message: "The region, agency or service named does not exist or does not belong together." },
  ticket_not_found: { status: 404, message: "No question or complaint with this tracking code: check the code." },
  ticket_closed: { status: 409, message: "This question or complaint is closed." },
  visit_invalid: { status: 400, message: "This visit is unknown or has expired: it can no longer be rated." },
  visit_used: { status: 409, message: "This visit has already been rated: one survey per visit." },
  daily_limit: { status: 429, message: "This address has reached today's limit: try again tomorrow." },
  payload_too_large: { status: 413, message: "The request body is too large." },
  unsupported_media_type: { status: 415, message: "The request body's media type is not supported." },
  upgrade_required: { status: 426, message: "This address speaks WebSocket only (presence protocol, see docs/presence.md)." },
  too_many_connections: { status: 429, message: "Too many open connections from this address." },
  rate_limited: { status: 429, message: "Too many requests from this address: wait a moment and try again." },
  headers_too_large: { status: 431, message: "The request's headers are too large." },
  internal_error: { status: 500, message: "Internal error." },
  database_unavailable: { status: 503, message: "The database is unavailable for a moment: try again shortly." },
  app_not_built: { status: 503, message: "The app is not built yet: run npm run build." },
  // the queue (src/server/queue/errors.ts)
  ...QUEUE_ERRORS,
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Thrown by handlers; the error handler turns it into the JSON error body. */
export class HttpError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? ERRORS[code].message);
    this.name = "HttpError";
    this.status = ERRORS[code].status;
  }
}

export function errorBody(code: ErrorCode, message?: string): ApiErrorBody {
  return { error: { code, message: message ?? ERRORS[code].message } };
}

/** Errors are not cached: a region that is missing now may be added by an officer. */
export function sendError(reply: FastifyReply, code: ErrorCode, message?: string): FastifyReply {
  return reply
    .code(ERRORS[code].status)
    .header("cache-control", "no-store")
    .type("application/json; charset=utf-8")
    .send(JSON.stringify(errorBody(code, message)));
}
