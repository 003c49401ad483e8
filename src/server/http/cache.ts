// HTTP caching: the Cache-Control policies, and strong ETags from the body with the weak
// If-None-Match comparison. The onSend hook that applies them is representation.ts.
import { createHash } from "node:crypto";

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
