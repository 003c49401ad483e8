// Refuses state changes from other sites (CSRF): every request whose method is not GET, HEAD or
// OPTIONS, on every route (officers' and citizens' alike, including routes later features add),
// must come from this server's own origin. Browsers send Origin on such requests; when it is
// missing (old browsers), Sec-Fetch-Site must not say "cross-site" or "same-site". A client that
// sends neither is not a browser and carries no victim's cookie. Second line of defence: the session
// cookie is SameSite=Strict, and write bodies must be JSON (a form cannot send that cross-site
// without a CORS preflight, which this server never grants).
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginOptions {
  /**
   * Origins besides the one the request was addressed to (PUBLIC_ORIGIN, comma-separated): e.g.
   * "https://mpp.jabarprov.go.id" behind a reverse proxy that terminates TLS.
   */
  publicOrigins?: readonly string[];
}

/** The origin the request was addressed to: scheme, host and port as the client wrote them. */
export function requestOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`.toLowerCase();
}

export function isSameOrigin(req: FastifyRequest, options: OriginOptions = {}): boolean {
  const origin = req.headers.origin;
  if (typeof origin === "string") {
    const o = origin.trim().toLowerCase();
    if (o === "null" || o === "") return false;
    return o === requestOrigin(req) || (options.publicOrigins ?? []).some((p) => p.toLowerCase() === o);
  }
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") return site === "same-origin" || site === "none";
  return true;
}

/** The global onRequest hook (registered once in build(), before any route); callback style: no promise per request. */
export function sameOriginGuard(options: OriginOptions = {}) {
  return function sameOrigin(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
    if (SAFE.has(req.method) || isSameOrigin(req, options)) return done();
    sendError(reply, "cross_origin");
  };
}

/** PUBLIC_ORIGIN: a comma-separated list of origins (scheme, host, optional port) -> one string each; bad entries throw. */
export function publicOriginsFromEnv(value: string | undefined): string[] {
  if (!value || !value.trim()) return [];
  return value.split(",").map((s) => s.trim()).filter(Boolean).map((s) => {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      throw new RangeError(`PUBLIC_ORIGIN: ${JSON.stringify(s)} is not a URL like https://mpp.example.go.id`);
    }
    if ((u.protocol !== "https:" && u.protocol !== "http:") || u.pathname !== "/" || u.search || u.hash) {
      throw new RangeError(`PUBLIC_ORIGIN: ${JSON.stringify(s)} must be an origin only (scheme://host[:port])`);
    }
    return u.origin;
  });
}
