// Security headers sent on every response (API, static files, HTML fallback, errors).
// The CSP allows what the Babylon app needs and nothing from another origin: blob: workers and
// data:/blob: images (Babylon's texture and KTX/Draco decoders), inline styles (Babylon GUI and the
// loading screen set style attributes), and fetches only to this origin.
import type { FastifyReply } from "fastify";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** Only over HTTPS: HSTS on a plain-HTTP answer is ignored by browsers and would mislead a reader. */
export const HSTS = "max-age=15552000";

export function setSecurityHeaders(reply: FastifyReply, options: { https?: boolean } = {}): void {
  reply.headers(SECURITY_HEADERS);
  if (options.https) reply.header("strict-transport-security", HSTS);
}
