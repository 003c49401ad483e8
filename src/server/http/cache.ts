// HTTP caching: a strong ETag computed from the body of every 200 GET response that does not
// already carry one, and 304 Not Modified (no body) when If-None-Match matches it.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

export const CACHE_DATA = "public, max-age=60, stale-while-revalidate=600";
export const CACHE_NO_STORE = "no-store";
export const CACHE_REVALIDATE = "no-cache";
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

/** A strong validator from the bytes: same body, same tag, on every process and restart. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x"; "*" matches all. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((raw) => {
    const t = raw.trim();
    return t === "*" || t.replace(/^W\//, "") === bare;
  });
}

/** The onSend hook: adds the ETag and answers 304 instead of the body when the client has it. */
export async function conditionalGet(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.method !== "GET" && request.method !== "HEAD") return payload;
  if (reply.statusCode !== 200) return payload;
  if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
  let etag = reply.getHeader("etag");
  if (typeof etag !== "string") {
    etag = etagOf(payload);
    reply.header("etag", etag);
  }
  if (ifNoneMatchHits(request.headers["if-none-match"], etag)) {
    reply.code(304);
    reply.removeHeader("content-type");
    reply.removeHeader("content-length");
    reply.removeHeader("content-encoding");
    // HEAD: fastify's own HEAD hook runs after this one and fails on null (500), but takes undefined.
    return request.method === "HEAD" ? undefined : null;
  }
  return payload;
}
