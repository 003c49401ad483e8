// Security headers sent on every response: API, static files, HTML fallback, errors, and the
// raw answers to requests the HTTP parser refused (client-errors.ts).
//
// The policy is helmet's (the kept library behind @fastify/helmet), configured here. The header
// set is computed once at start by running helmet's middleware against a recording response, then
// applied with one reply.headers() per request. Why not @fastify/helmet itself: (1) the same set
// must go on answers written outside fastify's hooks (parser errors on the raw socket, bad URLs),
// which the plugin cannot reach; (2) it builds a new helmet middleware for every request (parsing
// and validating the CSP each time) in two onRequest hooks. Measured with inject(), CPU per
// request, median of 5 x 5,000 on this machine: bare route 88 us, with @fastify/helmet 137-152 us,
// with this precomputed set 122-127 us.
//
// The CSP allows what the Babylon app needs and nothing from another origin: blob: workers and
// data:/blob: images (Babylon's texture and KTX/Draco decoders), inline styles (Babylon GUI and the
// loading screen set style attributes), and fetches only to this origin. No
// upgrade-insecure-requests: a headset on the LAN may use plain HTTP.
import helmet from "helmet";
import type { FastifyReply } from "fastify";

export const CSP_DIRECTIVES: Readonly<Record<string, string[]>> = {
  "default-src": ["'self'"],
  // WebAssembly only (not eval): the meshopt decoder of the compressed models is a wasm module.
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "img-src": ["'self'", "data:", "blob:"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "worker-src": ["'self'", "blob:"],
  "connect-src": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

/** Only over HTTPS: HSTS on a plain-HTTP answer is ignored by browsers and would mislead a reader. */
export const HSTS = "max-age=15552000";

export function helmetOptions(https: boolean): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    // Models, scripts and API answers are for this origin's pages only.
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    xContentTypeOptions: true,
  };
}

const computed = new Map<boolean, Readonly<Record<string, string>>>();

/** The headers helmet sets with these options, lower-case names, computed once. */
export function securityHeaders(options: { https?: boolean } = {}): Readonly<Record<string, string>> {
  const known = computed.get(!!options.https);
  if (known) return known;
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader() {},
  };
  const middleware = helmet(helmetOptions(!!options.https)) as unknown as (req: unknown, res: unknown, next: (e?: unknown) => void) => void;
  middleware({}, recorder, (e) => { if (e) throw e; });
  computed.set(!!options.https, Object.freeze(headers));
  return headers;
}

/** The onRequest step: every response, errors included, carries the set (callback style: no promise per request). */
export function securityHook(options: { https?: boolean } = {}) {
  const headers = securityHeaders(options);
  return (_req: unknown, reply: FastifyReply, done: () => void): void => {
    reply.headers(headers);
    done();
  };
}

export function setSecurityHeaders(reply: FastifyReply, options: { https?: boolean } = {}): void {
  reply.headers(securityHeaders(options));
}
