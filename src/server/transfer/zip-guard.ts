// Checks an XLSX (a ZIP) before any spreadsheet library opens it, so a zip bomb posing as a
// workbook costs a few milliseconds, not the server's memory. From the central directory: at most
// MAX_ENTRIES entries, only stored or deflated, each at most MAX_ENTRY_BYTES and all together at
// most MAX_TOTAL_BYTES uncompressed, no ZIP64, no path outside the archive. Then each entry is
// inflated with Node's zlib capped at its declared size (a bomb that lies about its size stops at
// the cap), its real size must equal the declared one, and every XML part must be valid UTF-8.
// The inflated parts are returned: the reader counts the sheet's rows before exceljs parses it.
import { inflateRawSync } from "node:zlib";
import { fileError, invalidUtf8Offsets } from "./sheet";

export const ZIP_LIMITS = {
  maxEntries: 500,
  maxEntryBytes: 25 * 1024 * 1024,
  maxTotalBytes: 60 * 1024 * 1024,
  /** Uncompressed/compressed above this (for entries over 1 MiB) is a bomb, not a spreadsheet. */
  maxRatio: 200,
} as const;

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LFH;
}

export function readZipGuarded(bytes: Buffer, limits = ZIP_LIMITS): ZipEntry[] {
  if (!isZip(bytes)) throw fileError("This is not an XLSX file (not a ZIP archive): save it as Excel Workbook (.xlsx), or upload CSV.");
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw fileError("The XLSX file is damaged (no ZIP directory).");
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw fileError("The XLSX file is too large (ZIP64).");
  if (count > limits.maxEntries) throw fileError(`The XLSX file has ${count} parts; a spreadsheet of services has far fewer (at most ${limits.maxEntries}).`);
  if (cdOffset + cdSize > eocd) throw fileError("The XLSX file is damaged (ZIP directory out of bounds).");

  const headers: Array<{ name: string; method: number; compressed: number; size: number; offset: number }> = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CDH) throw fileError("The XLSX file is damaged (bad ZIP directory entry).");
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const offset = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (compressed === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw fileError("The XLSX file is too large (ZIP64).");
    if (name.includes("..") || name.startsWith("/") || name.includes("\\") || name.includes("\0")) throw fileError(`The XLSX file has a part with an unsafe name (${JSON.stringify(name.slice(0, 80))}).`);
    if (method !== 0 && method !== 8) throw fileError(`The XLSX file uses an unsupported compression (method ${method}).`);
    if (size > limits.maxEntryBytes) throw fileError(`The XLSX part ${name} would be ${(size / 2 ** 20).toFixed(1)} MiB uncompressed (at most ${limits.maxEntryBytes / 2 ** 20}): split the file.`);
    if (size > 1024 * 1024 && size > compressed * limits.maxRatio) throw fileError(`The XLSX part ${name} expands ${Math.round(size / Math.max(1, compressed))} times: refused as a zip bomb.`);
    total += size;
    if (total > limits.maxTotalBytes) throw fileError(`The XLSX file would be over ${limits.maxTotalBytes / 2 ** 20} MiB uncompressed: split it.`);
    headers.push({ name, method, compressed, size, offset });
  }

  return headers.filter((h) => !h.name.endsWith("/")).map((h) => {
    if (h.offset + 30 > bytes.length || bytes.readUInt32LE(h.offset) !== LFH) throw fileError(`The XLSX file is damaged (part ${h.name}).`);
    const start = h.offset + 30 + bytes.readUInt16LE(h.offset + 26) + bytes.readUInt16LE(h.offset + 28);
    if (start + h.compressed > bytes.length) throw fileError(`The XLSX file is truncated (part ${h.name}).`);
    const raw = bytes.subarray(start, start + h.compressed);
    let data: Buffer;
    if (h.method === 0) {
      data = Buffer.from(raw);
    } else {
      try {
        // One byte over the declared size is enough to catch a part that lies about its size.
        data = inflateRawSync(raw, { maxOutputLength: h.size + 1 });
      } catch {
        throw fileError(`The XLSX part ${h.name} does not decompress to its declared size: refused (damaged, or a zip bomb).`);
      }
    }
    if (data.length !== h.size) throw fileError(`The XLSX part ${h.name} does not match its declared size: refused (damaged, or a zip bomb).`);
    if (/\.(xml|rels)$/i.test(h.name) && invalidUtf8Offsets(data, 1).length > 0) {
      throw fileError(`The XLSX part ${h.name} has invalid UTF-8 text: save the workbook again from Excel or LibreOffice.`);
    }
    return { name: h.name, data };
  });
}
