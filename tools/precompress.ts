// Writes the brotli (quality 11) and gzip (-9) variants of the files the server hands out, beside
// each file (`x.js.br`, `x.js.gz`), once per build: the server then never compresses a file per
// request (src/server/http/static.ts reads these, checks they decode to the file, and makes any
// missing one once in memory). Which files: the types worth compressing (text, JSON, JS, SVG,
// glTF; never images, fonts or KTX2), at least 1 KiB, and only where the variant saves at least
// 10%; a variant that no longer qualifies is removed. Up-to-date variants are left alone.
//   node --import tsx tools/precompress.ts [folders...]   (default: dist assets)
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTENT_TYPES, PRECOMPRESSED_SUFFIX, worthCompressing } from "../src/server/http/static";
import { MAX_COMPRESSED_RATIO, type Encoding } from "../src/server/http/representation";

export interface PrecompressResult { written: number; kept: number; skipped: number; removed: number; bytesIn: number; bytesOut: Record<Encoding, number> }

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && !e.name.endsWith(".br") && !e.name.endsWith(".gz")) yield p;
  }
}

function encode(body: Buffer, encoding: Encoding): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}

export function precompress(folders: string[]): PrecompressResult {
  const r: PrecompressResult = { written: 0, kept: 0, skipped: 0, removed: 0, bytesIn: 0, bytesOut: { br: 0, gzip: 0 } };
  for (const folder of folders) {
    let exists = false;
    try { exists = statSync(folder).isDirectory(); } catch { /* missing: nothing to do */ }
    if (!exists) continue;
    for (const path of files(folder)) {
      const stat = statSync(path);
      const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
      const worth = worthCompressing(type, stat.size);
      if (worth) r.bytesIn += stat.size;
      let body: Buffer | null = null;
      for (const encoding of ["br", "gzip"] as const) {
        const out = path + PRECOMPRESSED_SUFFIX[encoding];
        const existing = (() => { try { return statSync(out); } catch { return null; } })();
        if (!worth) {
          if (existing) { rmSync(out); r.removed++; }
          r.skipped++;
          continue;
        }
        if (existing && existing.mtimeMs >= stat.mtimeMs) {
          r.kept++;
          r.bytesOut[encoding] += existing.size;
          continue;
        }
        body ??= readFileSync(path);
        const encoded = encode(body, encoding);
        if (encoded.length > body.length * MAX_COMPRESSED_RATIO) {
          if (existing) { rmSync(out); r.removed++; }
          continue;
        }
        writeFileSync(out, encoded);
        // Never older than its source, even on a file system with coarse timestamps.
        utimesSync(out, new Date(), new Date(Math.max(Date.now(), stat.mtimeMs)));
        r.written++;
        r.bytesOut[encoding] += encoded.length;
      }
    }
  }
  return r;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const args = process.argv.slice(2);
  const folders = args.length > 0 ? args.map((f) => resolve(f)) : [resolve(root, "dist"), resolve(root, "assets")];
  const t0 = Date.now();
  const r = precompress(folders);
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  console.log(`precompress: ${r.written} variants written, ${r.kept} up to date, ${r.removed} removed; `
    + `${kb(r.bytesIn)} compressible -> br ${kb(r.bytesOut.br)}, gzip ${kb(r.bytesOut.gzip)} (${Date.now() - t0} ms)`);
}
