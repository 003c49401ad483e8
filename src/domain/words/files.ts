// The translation files read from disk (server and tests; the app loads them as lazy chunks,
// src/app/i18n/phrasebooks.ts). Read once per process: they do not change at run time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../catalog/data-files";
import { parsePhrasebook, type Phrasebook } from "./phrasebook";
import { parseRegionNotes, type RegionNotes } from "./region-notes";

export const TRANSLATIONS_DIR = join(REPO_ROOT, "data", "translations");

const books = new Map<string, Phrasebook>();
let notes: RegionNotes | null = null;

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(join(TRANSLATIONS_DIR, name), "utf8"));
}

/** The phrasebook of `lang`; null for Indonesian, the catalog's own language. */
export function phrasebookFor(lang: "id" | "en" | "su"): Phrasebook | null {
  if (lang === "id") return null;
  let book = books.get(lang);
  if (!book) {
    book = parsePhrasebook(readJson(`${lang}.json`), `data/translations/${lang}.json`);
    books.set(lang, book);
  }
  return book;
}

export function regionNotes(): RegionNotes {
  notes ??= parseRegionNotes(readJson("region-notes.json"), "data/translations/region-notes.json");
  return notes;
}
