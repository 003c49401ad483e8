// One onSend hook for what a response is on the wire: its ETag, its content coding and the 304.
//
// Why not @fastify/compress (used until issue 19): it compresses every response afresh through a
// zlib/brotli stream, glb models included (mime-db calls model/gltf-binary compressible). A
// stream's native encoder state (about 2.5 MB for brotli) lives until the client has read it all,
// so 1,000 sockets that asked for a model and never read held 2.6 GB outside the JS heap, and
// 56 downloads/s cost 156% CPU. Here nothing is compressed per request for files: static.ts
// serves variants built once; the API's answers are kept with their codings per data version
// (KeptAnswer, sent by sendKept: a repeated answer costs a lookup, no hash, no compression); other
// small JSON bodies are compressed in one synchronous call (no stream, no state kept after it) and
// kept by ETag in a byte-bounded cache, so a repeated one costs a hash and a lookup.
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ByteCache } from "./byte-cache";
import { etagOf, ifNoneMatchHits } from "./cache";

export type Encoding = "br" | "gzip";

/** Bodies smaller than this are sent as they are: the framing costs more than it saves. */
export const MIN_COMPRESS_BYTES = 1024;
/** A variant is kept only when it is at most this fraction of the identity body. */
export const MAX_COMPRESSED_RATIO = 0.9;

/** The ETag of an encoded variant: the identity tag with the coding added, so br and identity never share one. */
export function variantEtag(etag: string, encoding: Encoding | null): string {
  return encoding ? etag.replace(/"$/, `-${encoding}"`) : etag;
}

/** br when accepted, else gzip, else none; q=0 refuses a coding, "*" stands for the unnamed ones. */
export function negotiate(acceptEncoding: string | undefined, available: readonly Encoding[] = ["br", "gzip"]): Encoding | null {
  if (!acceptEncoding || available.length === 0) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = q ? Number(q.slice(2)) : 1;
    accepted.set(name!.trim(), Number.isFinite(value) ? value : 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  for (const e of ["br", "gzip"] as const) if (available.includes(e) && ok(e)) return e;
  return null;
}

/**
 * Media types worth compressing at all: text, JSON, JavaScript, SVG, glTF (JSON, and binary:
 * meshopt-compressed geometry is made to be followed by gzip or brotli). Never images, fonts,
 * KTX2 or archives, which are compressed already.
 */
export function compressibleType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(";")[0]!.trim().toLowerCase();
  return t.startsWith("text/") || t === "application/json" || t.endsWith("+json") || t === "application/javascript"
    || t === "image/svg+xml" || t === "model/gltf-binary" || t === "application/wasm" || t === "application/xml";
}

/** Compresses in one call; br at quality 5 is about as fast as gzip -6 and 15-20% smaller on JSON. */
export function compress(body: Buffer, encoding: Encoding, level: "fast" | "max" = "fast"): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: level === "max" ? 11 : 5,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      },
    })
    : gzipSync(body, { level: level === "max" ? 9 : 6 });
}

export const JSON_TYPE = "application/json; charset=utf-8";

/** Replies whose coding is already chosen (static files: variants built once, or none worth it). */
const chosen = new WeakSet<FastifyReply>();

/** One coding of a kept answer as sent: its bytes, its ETag and its Content-Encoding (null: identity). */
export interface Variant {
  readonly body: Buffer;
  readonly etag: string;
  readonly encoding: Encoding | null;
}

/**
 * An answer kept serialized with its strong ETag, and its compressed codings with their ETags,
 * each made once, on the first request that accepts it (data/catalog-view.ts keeps the API's
 * answers per data version; a few fixed bodies are kept for the process). `grew` tells the owner
 * that a coding was added, so it can count the bytes against its bound.
 */
export class KeptAnswer {
  readonly identity: Variant;
  private br: Variant | null | undefined;
  private gzip: Variant | null | undefined;
  /** Bytes of the compressed codings made so far. */
  codingBytes = 0;

  constructor(readonly body: Buffer, readonly etag: string, private readonly grew: (answer: KeptAnswer) => void = () => undefined) {
    this.identity = { body, etag, encoding: null };
  }

  /** The body in this coding; identity when it is small or compression would not save a tenth. */
  variant(encoding: Encoding | null): Variant {
    if (encoding === null || this.body.length < MIN_COMPRESS_BYTES) return this.identity;
    let v = this[encoding];
    if (v === undefined) {
      const made = compress(this.body, encoding);
      v = made.length <= this.body.length * MAX_COMPRESSED_RATIO ? { body: made, etag: variantEtag(this.etag, encoding), encoding } : null;
      this[encoding] = v;
      if (v) {
        this.codingBytes += v.body.length + 2 * v.etag.length;
        this.grew(this);
      }
    }
    return v ?? this.identity;
  }
}

/** A body kept for the process (fixed files, the OpenAPI document), with its ETag. */
export function keep(body: Buffer | string): KeptAnswer {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return new KeptAnswer(bytes, etagOf(bytes));
}

/** Distinct Accept-Encoding values are few (one or two per browser): each is parsed once. */
const negotiated = new Map<string, Encoding | null>();
const NEGOTIATED_MAX = 256;

/** negotiate() for the default codings, remembered by header value (a bounded table). */
export function acceptedCoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let e = negotiated.get(acceptEncoding);
  if (e === undefined) {
    e = negotiate(acceptEncoding);
    if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
    negotiated.set(acceptEncoding, e);
  }
  return e;
}

const compressibleTypes = new Map<string, boolean>();

/**
 * Sends a kept answer in the coding the client accepts, with that coding's ETag: the onSend hook
 * then neither hashes nor compresses, nor parses Accept-Encoding; it only answers If-None-Match.
 */
export function sendKept(reply: FastifyReply, kept: KeptAnswer, cacheControl: string, contentType = JSON_TYPE): FastifyReply {
  let compressible = compressibleTypes.get(contentType);
  if (compressible === undefined) {
    compressible = compressibleType(contentType);
    if (compressibleTypes.size < 64) compressibleTypes.set(contentType, compressible);
  }
  const v = compressible ? kept.variant(acceptedCoding(reply.request.headers["accept-encoding"])) : kept.identity;
  chosen.add(reply);
  reply.headers({ "content-type": contentType, "cache-control": cacheControl, etag: v.etag });
  if (v.encoding) reply.header("content-encoding", v.encoding);
  return reply.send(v.body);
}

/** Marks a reply as sent in its final coding, so the hook neither compresses nor re-tags it. */
export function codingChosen(reply: FastifyReply): FastifyReply {
  chosen.add(reply);
  return reply;
}

export interface RepresentationOptions {
  /** Bytes of compressed API bodies kept by ETag. Default 8 MB. */
  cacheBytes?: number;
}

/** The onSend hook: Vary on every response; ETag, coding and 304 on 200 answers to GET and HEAD. */
export function representation(options: RepresentationOptions = {}) {
  // null marks "not worth compressing", so the attempt is not repeated.
  const cache = new ByteCache<string, Buffer | null>({
    maxBytes: options.cacheBytes ?? 8 * 1024 * 1024,
    sizeOf: (b) => (b ? b.length : 0),
  });

  // Callback style, not async: no promise and no microtask turn on every response.
  return function onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void): void {
    done(null, represent(request, reply, payload));
  };

  function represent(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    reply.header("vary", "Accept-Encoding");
    if (request.method !== "GET" && request.method !== "HEAD") return payload;
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;

    let etag = reply.getHeader("etag");
    // A variant chosen by the static files (already encoded, its own tag) passes through as it is.
    if (!chosen.has(reply) && reply.getHeader("content-encoding") === undefined) {
      const body = typeof payload === "string" ? Buffer.from(payload) : payload;
      if (typeof etag !== "string") etag = etagOf(body);
      let encoding: Encoding | null = null;
      if (body.length >= MIN_COMPRESS_BYTES && compressibleType(reply.getHeader("content-type") as string | undefined)) {
        encoding = acceptedCoding(request.headers["accept-encoding"]);
      }
      if (encoding) {
        const key = `${etag}:${encoding}`;
        let encoded = cache.get(key);
        if (encoded === undefined) {
          const made = compress(body, encoding);
          encoded = made.length <= body.length * MAX_COMPRESSED_RATIO ? made : null;
          cache.set(key, encoded);
        }
        if (encoded) {
          payload = encoded;
          reply.header("content-encoding", encoding);
        } else {
          encoding = null;
        }
      }
      etag = variantEtag(etag, encoding);
      reply.header("etag", etag);
    }
    if (typeof etag === "string" && ifNoneMatchHits(request.headers["if-none-match"], etag)) {
      reply.code(304);
      reply.removeHeader("content-type");
      reply.removeHeader("content-length");
      reply.removeHeader("content-encoding");
      // HEAD: fastify's own HEAD hook runs after this one and fails on null (500), but takes undefined.
      return request.method === "HEAD" ? undefined : null;
    }
    return payload;
  }
}
