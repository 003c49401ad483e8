// Byte sizes as a user downloads them: minified (the file) and gzip at level 9 (what a static
// server or CDN would serve when it pre-compresses; the same level for the app and the baseline).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";

export interface Sizes {
  minified: number;
  gzip: number;
}

export function sizesOf(bytes: Uint8Array): Sizes {
  return { minified: bytes.byteLength, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).byteLength };
}

export function fileSizes(path: string): Sizes {
  return sizesOf(readFileSync(path));
}

export function addSizes(list: readonly Sizes[]): Sizes {
  return list.reduce((a, b) => ({ minified: a.minified + b.minified, gzip: a.gzip + b.gzip }), { minified: 0, gzip: 0 });
}

/** Scripts that index.html itself loads (src of every <script>), as paths relative to the folder. */
export function scriptsOfIndex(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
    const src = m[1]!;
    if (/^[a-z]+:/i.test(src) || src.startsWith("//")) throw new Error(`scriptsOfIndex: script from another origin: ${src}`);
    out.push(src.replace(/^\//, ""));
  }
  return out;
}

/** Sum of the files (recursively) in a folder whose names end with one of the extensions. */
export function folderBytes(dir: string, extensions: readonly string[]): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      const sub = folderBytes(p, extensions);
      files += sub.files;
      bytes += sub.bytes;
    } else if (extensions.some((e) => name.endsWith(e))) {
      files++;
      bytes += st.size;
    }
  }
  return { files, bytes };
}
