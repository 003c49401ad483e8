// The files /layanan needs besides its HTML: its stylesheet and the site's favicon (also at
// /favicon.ico, where browsers look by default: no 404 in any console). Read once, sent with a
// strong ETag; the stylesheet's URL carries its hash, so it can be cached for a year.
import { readFileSync } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from "../http/cache";
import { keep, sendKept } from "../http/representation";
import { registerReadOnly } from "../routes/registry";

const css = Buffer.from(readFileSync(new URL("./layanan.css", import.meta.url)));
const svg = Buffer.from(readFileSync(new URL("./favicon.svg", import.meta.url)));
const cssKept = keep(css);
const svgKept = keep(svg);

/** The stylesheet's URL, versioned by content. */
export const STYLE_HREF = `/layanan/gaya.css?v=${cssKept.etag.replace(/\W/g, "").slice(0, 12)}`;

export function registerLayananAssets(app: FastifyInstance): void {
  registerReadOnly(app, "/layanan/gaya.css", {
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      return sendKept(reply, cssKept, (req.query as { v?: string }).v ? CACHE_IMMUTABLE : CACHE_REVALIDATE, "text/css; charset=utf-8");
    },
  });
  for (const path of ["/favicon.svg", "/favicon.ico"]) {
    registerReadOnly(app, path, {
      handler: async (_req, reply) => sendKept(reply, svgKept, CACHE_REVALIDATE, "image/svg+xml"),
    });
  }
}
