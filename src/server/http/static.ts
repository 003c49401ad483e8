// Serves the built app (dist/), the models (assets/) and the scene files (scenes/) from disk.
// Safety first: the raw URL path is split and decoded segment by segment, and any segment that
// is empty, ".", "..", a dotfile, or holds a slash, backslash or NUL byte is refused, before any
// file system call; the resolved real path must then still be inside the folder's real path.
// Files are read whole and kept in memory with their ETag and compressed variants (the bundle
// is read once, compressed once), revalidated by size and mtime on each request.
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { promises as fs } from "node:fs";
import { extname, join, sep } from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, etagOf } from "./cache";

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".glb": "model/gltf-binary",
  ".gltf": "model/gltf+json",
  ".bin": "application/octet-stream",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ktx2": "image/ktx2",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Types worth compressing; images, fonts and glb are already compact or compressed. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".gltf", ".svg", ".txt", ".map", ".wasm", ".bin"]);
const MIN_COMPRESS_BYTES = 1024;
const MAX_CACHED_FILE_BYTES = 32 * 1024 * 1024;

interface CachedFile {
  size: number;
  mtimeMs: number;
  body: Buffer;
  etag: string;
  encoded: Map<string, Buffer>;
}

/** Splits a raw URL path into safe decoded segments; null when any segment is unsafe or undecodable. */
export function safeSegments(rawPath: string): string[] | null {
  const parts = rawPath.split("/").slice(1);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    if (raw === "" && i === parts.length - 1) continue; // trailing slash
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === "" || seg.startsWith(".") || /[/\\\0]/.test(seg) || seg.includes(":")) return null;
    out.push(seg);
  }
  return out;
}

export interface StaticFile {
  path: string;
  body: Buffer;
  etag: string;
  contentType: string;
  compressible: boolean;
  encoded: Map<string, Buffer>;
}

/** Reads files below one folder; realpath checks defeat symlinks pointing out of it. */
export class StaticFolder {
  private readonly cache = new Map<string, CachedFile>();
  private rootReal: string | null = null;

  constructor(readonly root: string) {}

  private async realRoot(): Promise<string | null> {
    if (this.rootReal !== null) return this.rootReal;
    try {
      this.rootReal = await fs.realpath(this.root);
    } catch {
      return null;
    }
    return this.rootReal;
  }

  async exists(): Promise<boolean> {
    return (await this.realRoot()) !== null;
  }

  /** The file at these segments, or null when it does not exist or is not a regular file inside. */
  async read(segments: string[]): Promise<StaticFile | null> {
    if (segments.length === 0) return null;
    const root = await this.realRoot();
    if (root === null) return null;
    let real: string;
    try {
      real = await fs.realpath(join(root, ...segments));
    } catch {
      return null;
    }
    if (!real.startsWith(root + sep)) return null;
    const stat = await fs.stat(real).catch(() => null);
    if (!stat || !stat.isFile()) return null;
    let entry = this.cache.get(real);
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) {
      const body = await fs.readFile(real);
      entry = { size: stat.size, mtimeMs: stat.mtimeMs, body, etag: etagOf(body), encoded: new Map() };
      if (body.length <= MAX_CACHED_FILE_BYTES) this.cache.set(real, entry);
    }
    const ext = extname(real).toLowerCase();
    return {
      path: real,
      body: entry.body,
      etag: entry.etag,
      contentType: CONTENT_TYPES[ext] ?? "application/octet-stream",
      compressible: COMPRESSIBLE.has(ext) && entry.body.length >= MIN_COMPRESS_BYTES,
      encoded: entry.encoded,
    };
  }
}

function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

/** Sends a file with its cache policy; compressed variants are computed once and kept. */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: StaticFile, cacheControl: string): FastifyReply {
  reply.header("cache-control", cacheControl).header("etag", file.etag).type(file.contentType);
  const encoding = file.compressible ? pickEncoding(request.headers["accept-encoding"]) : null;
  if (encoding === null) return reply.send(file.body);
  let body = file.encoded.get(encoding);
  if (!body) {
    body = encoding === "br"
      ? brotliCompressSync(file.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } })
      : gzipSync(file.body, { level: 9 });
    file.encoded.set(encoding, body);
  }
  return reply.header("content-encoding", encoding).send(body);
}

export const STATIC_CACHE = { immutable: CACHE_IMMUTABLE, revalidate: CACHE_REVALIDATE };

/** Files under dist/js/ carry a content hash in their name (webpack [contenthash]). */
export function isHashedAsset(segments: string[]): boolean {
  return segments[0] === "js" && segments.length >= 2 && /\.[0-9a-f]{8,}\.(m?js|css|wasm)$/.test(segments[segments.length - 1]!);
}
