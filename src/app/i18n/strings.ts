// Every text the app shows, in Bahasa Indonesia (first: most users) and English: the tables are
// strings-id.ts and strings-en.ts (Basa Sunda, a lazy chunk, in strings-su.ts). `en` is typed
// against the keys of `id`, so a key missing from (or extra in) either dictionary is a compile
// error, not a blank label at run time. Placeholders are written {name} and filled by I18n.t().
import { id } from "./strings-id";
import { en } from "./strings-en";

export { id, en };
export type StringKey = keyof typeof id;
export type Dictionary = Record<StringKey, string>;

export type Lang = "id" | "en";
export const dictionaries: Record<Lang, Dictionary> = { id, en };

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}
