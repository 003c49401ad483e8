// Static routes: dist/ at /, assets/ at /assets/, scenes/ at /scenes/. Unknown extension-less
// GET paths asked for as HTML get index.html (the app routes by query string, e.g. /?region=3273).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../errors";
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from "../http/cache";
import { isHashedAsset, safeSegments, sendFile, StaticFolder } from "../http/static";

export interface StaticOptions {
  distDir: string;
  assetsDir: string;
  scenesDir: string;
}

function rawPath(req: FastifyRequest): string {
  const q = req.url.indexOf("?");
  return q >= 0 ? req.url.slice(0, q) : req.url;
}

function wantsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? "";
  return accept.includes("text/html") || accept.includes("*/*") || accept === "";
}

export function registerStatic(app: FastifyInstance, options: StaticOptions): void {
  const dist = new StaticFolder(options.distDir);
  const folders: Array<[string, StaticFolder]> = [
    ["assets", new StaticFolder(options.assetsDir)],
    ["scenes", new StaticFolder(options.scenesDir)],
  ];

  async function sendIndex(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const index = await dist.read(["index.html"]);
    if (!index) return sendError(reply, "app_not_built");
    return sendFile(req, reply, index, CACHE_REVALIDATE);
  }

  async function handler(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const segments = safeSegments(rawPath(req));
    if (segments === null) return sendError(reply, "not_found");
    if (segments[0] === "api") return sendError(reply, "not_found", "No such API route.");
    if (segments.length === 0) return sendIndex(req, reply);
    for (const [prefix, folder] of folders) {
      if (segments[0] === prefix) {
        const file = await folder.read(segments.slice(1));
        return file ? sendFile(req, reply, file, CACHE_REVALIDATE) : sendError(reply, "not_found");
      }
    }
    const file = await dist.read(segments);
    if (file) return sendFile(req, reply, file, isHashedAsset(segments) ? CACHE_IMMUTABLE : CACHE_REVALIDATE);
    const last = segments[segments.length - 1]!;
    if (!last.includes(".") && wantsHtml(req)) return sendIndex(req, reply);
    return sendError(reply, "not_found");
  }

  // Files are served from memory: their own, larger rate-limit class (http/rate-limit.ts).
  app.get("/", { config: { limitClass: "static" } }, handler);
  app.get("/*", { config: { limitClass: "static" } }, handler);
}
