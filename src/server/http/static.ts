// Serves the built app (dist/), the models (assets/) and the scene files (scenes/) from disk.
// Safety first: the raw URL path is split and decoded segment by segment, and any segment that
// is empty, ".", "..", a dotfile, or holds a slash, backslash or NUL byte is refused, before any
// file system call; the resolved real path must then still be inside the folder's real path.
//
// Files are read whole and kept in memory with their ETag and their compressed variants, which are
// made once: read from the `.br`/`.gz` files that `npm run build` writes beside them
// (tools/precompress.ts), or, where those are missing or stale, compressed once on first use off
// the event loop. Nothing is compressed per request.
//
// Why not @fastify/static: it streams each response from disk (fs.createReadStream through
// @fastify/send), so every download in flight holds a file descriptor and a read buffer, and a
// client that stops reading keeps both; here a download holds only a reference to a Buffer that
// all downloads of that file share. Measured with bench/hostile.ts, the same probes against
// @fastify/static 10 (preCompressed: true, the same .br/.gz files) and against this module, on
// the 710 KB controller model: CPU per download 6.0-6.7 ms against 1.3-1.7 ms; RSS after 3 rounds
// of 500 stalled downloads and 3,000 aborted ones +60 MB against +7 MB.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { promises as fs } from "node:fs";
import { extname, join, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, etagOf } from "./cache";
import { codingChosen, compressibleType, MAX_COMPRESSED_RATIO, MIN_COMPRESS_BYTES, negotiate, variantEtag, type Encoding } from "./representation";

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

const MAX_CACHED_FILE_BYTES = 32 * 1024 * 1024;

/** The sibling file a build step writes for each coding. */
export const PRECOMPRESSED_SUFFIX: Readonly<Record<Encoding, string>> = { br: ".br", gzip: ".gz" };

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface CachedFile {
  size: number;
  mtimeMs: number;
  body: Buffer;
  etag: string;
  /** Encoded variants worth sending (at most MAX_COMPRESSED_RATIO of the body); made once. */
  variants: Promise<Partial<Record<Encoding, Buffer>>> | null;
}

/** Whether a file of this type and size is worth compressing at all (images, fonts, KTX2: never). */
export function worthCompressing(contentType: string, size: number): boolean {
  return size >= MIN_COMPRESS_BYTES && compressibleType(contentType);
}

/**
 * The variants of a file: a fresh precompressed sibling that decodes to exactly the same bytes,
 * else compressed now (in libuv's thread pool, so requests for other files go on meanwhile).
 */
async function loadVariants(path: string, body: Buffer, mtimeMs: number): Promise<Partial<Record<Encoding, Buffer>>> {
  const out: Partial<Record<Encoding, Buffer>> = {};
  for (const encoding of ["br", "gzip"] as const) {
    let encoded: Buffer | null = null;
    const sibling = path + PRECOMPRESSED_SUFFIX[encoding];
    const stat = await fs.stat(sibling).catch(() => null);
    if (stat?.isFile() && stat.mtimeMs >= mtimeMs) {
      const bytes = await fs.readFile(sibling).catch(() => null);
      try {
        if (bytes && (encoding === "br" ? brotliDecompressSync(bytes) : gunzipSync(bytes)).equals(body)) encoded = bytes;
      } catch {
        encoded = null; // damaged: made afresh below
      }
    }
    encoded ??= encoding === "br"
      ? await brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : await gzipAsync(body, { level: 9 });
    if (encoded.length <= body.length * MAX_COMPRESSED_RATIO) out[encoding] = encoded;
  }
  return out;
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
  /** Variants worth sending, by coding (empty when the type or the gain does not justify one). */
  variants: Partial<Record<Encoding, Buffer>>;
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
      entry = { size: stat.size, mtimeMs: stat.mtimeMs, body, etag: etagOf(body), variants: null };
      if (body.length <= MAX_CACHED_FILE_BYTES) this.cache.set(real, entry);
    }
    const contentType = CONTENT_TYPES[extname(real).toLowerCase()] ?? "application/octet-stream";
    if (!entry.variants) {
      entry.variants = worthCompressing(contentType, entry.body.length)
        ? loadVariants(real, entry.body, entry.mtimeMs).catch(() => ({}))
        : Promise.resolve({});
    }
    return { path: real, body: entry.body, etag: entry.etag, contentType, variants: await entry.variants };
  }
}

/**
 * Sends a file with its cache policy: the variant the client accepts, with its own ETag, or the
 * body as it is. HEAD gets the same headers (the same bytes are chosen; fastify drops the body).
 */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: StaticFile, cacheControl: string): FastifyReply {
  codingChosen(reply).header("cache-control", cacheControl).type(file.contentType);
  const available = (Object.keys(file.variants) as Encoding[]);
  const encoding = negotiate(request.headers["accept-encoding"], available);
  if (encoding === null) return reply.header("etag", file.etag).send(file.body);
  return reply.header("etag", variantEtag(file.etag, encoding)).header("content-encoding", encoding).send(file.variants[encoding]);
}

export const STATIC_CACHE = { immutable: CACHE_IMMUTABLE, revalidate: CACHE_REVALIDATE };

/** Files under dist/js/ carry a content hash in their name (webpack [contenthash]). */
export function isHashedAsset(segments: string[]): boolean {
  return segments[0] === "js" && segments.length >= 2 && /\.[0-9a-f]{8,}\.(m?js|css|wasm)$/.test(segments[segments.length - 1]!);
}
