// Where the catalog's data files live and how they are read from disk. The only module of the
// catalog that touches the file system; everything else takes parsed records as parameters.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { RegionRecord } from "../regions";
import { CatalogError, checkCatalog, parseCatalogFile, type AgencyCatalog } from "./load";
import { checkMpps, parseMppFile, type MppInfo } from "./mpp-load";

/** The repository's root, so messages name files as "data/catalog/imigrasi.json". */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const CATALOG_DIR = join(REPO_ROOT, "data", "catalog");
export const MPP_DIR = join(REPO_ROOT, "data", "mpp");

/** Every `*.json` file of a directory, sorted by name, as { file, text }. */
export function readJsonFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(REPO_ROOT, path) || path, text: readFileSync(path, "utf8") };
    });
}

/** Parses every file with `parse`; throws one CatalogError listing the problems of all bad files. */
export function parseAll<T>(files: readonly { file: string; text: string }[], parse: (text: string, file: string) => T, what: string): T[] {
  const out: T[] = [];
  const problems: string[] = [];
  for (const { file, text } of files) {
    try {
      out.push(parse(text, file));
    } catch (e) {
      if (!(e instanceof CatalogError)) throw e;
      problems.push(...e.problems.map((p) => `${e.file}: ${p}`));
    }
  }
  if (problems.length > 0) throw new CatalogError(what, problems);
  return out;
}

/** Loads and checks every agency file of a directory; throws CatalogError naming each bad file. */
export function readCatalogDir(dir: string = CATALOG_DIR): AgencyCatalog[] {
  return checkCatalog(parseAll(readJsonFiles(dir), parseCatalogFile, relative(REPO_ROOT, dir) || dir));
}

let cached: AgencyCatalog[] | null = null;

/** The repository's catalog, read once per process (the files do not change at run time). */
export function defaultCatalog(): AgencyCatalog[] {
  cached ??= readCatalogDir();
  return cached;
}

/**
 * Loads and checks every data/mpp/<code>.json against the region table (and, when given, the
 * catalog's agency slugs): what public sources say about each physical MPP, by region code.
 */
export function readMppDir(regions: readonly RegionRecord[], knownAgencies?: ReadonlySet<string>, dir: string = MPP_DIR): Map<string, MppInfo> {
  return checkMpps(parseAll(readJsonFiles(dir), parseMppFile, relative(REPO_ROOT, dir) || dir), regions, knownAgencies);
}

/** The repository's MPP facts for these regions, checked against the repository's catalog. */
export function defaultMpps(regions: readonly RegionRecord[]): Map<string, MppInfo> {
  return readMppDir(regions, new Set(defaultCatalog().map((c) => c.agency.slug)));
}
