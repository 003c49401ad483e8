// The current language and the translate/format functions built on it.
// Language choice: `?lang=id|en` in the URL wins (and is remembered), then the stored
// choice ("mpp.lang"), then Indonesian. Storage may be missing or throw (private
// browsing, sandboxed kiosks): the app then simply does not remember.
import { dictionaries, isLang, type Lang, type StringKey } from "./strings";
import * as fmt from "./format";
import { formatRupiah } from "../../domain/format";

export const STORAGE_KEY = "mpp.lang";

export type Params = Record<string, string | number>;

export interface I18n {
  readonly lang: Lang;
  /** The text for `key` with `{name}` placeholders filled; an unfilled placeholder stays visible. */
  t(key: StringKey, params?: Params): string;
  setLang(lang: Lang): void;
  /** Called after every change of language; returns the unsubscribe function. */
  onChange(listener: (lang: Lang) => void): () => void;
  formatDate(value: Date | string): string;
  formatDateTime(value: Date | string): string;
  /** "Rp 350.000", "Gratis" for 0, "Tidak diketahui" for null. */
  formatRupiah(amount: number | null): string;
  formatInteger(n: number): string;
}

export interface I18nOptions {
  url: URL;
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  /** When given, `<html lang>` follows the language. */
  document?: Document | null;
}

export function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

function readStored(storage: I18nOptions["storage"]): string | null {
  try { return storage?.getItem(STORAGE_KEY) ?? null; } catch { return null; }
}

function writeStored(storage: I18nOptions["storage"], lang: Lang): void {
  try { storage?.setItem(STORAGE_KEY, lang); } catch { /* not remembered; still works */ }
}

export function createI18n(options: I18nOptions): I18n {
  if (!(options?.url instanceof URL)) throw new TypeError("createI18n: options.url must be a URL");
  const { storage, document } = options;
  const fromUrl = options.url.searchParams.get("lang");
  const stored = readStored(storage);
  let lang: Lang = isLang(fromUrl) ? fromUrl : isLang(stored) ? stored : "id";
  if (isLang(fromUrl)) writeStored(storage, fromUrl);

  const listeners = new Set<(lang: Lang) => void>();
  const applyDocument = () => { if (document) document.documentElement.lang = lang; };
  applyDocument();

  return {
    get lang() { return lang; },
    t(key, params) {
      const text = dictionaries[lang][key];
      if (text === undefined) throw new Error(`i18n: unknown key ${JSON.stringify(key)}`);
      return interpolate(text, params);
    },
    setLang(next) {
      if (!isLang(next)) throw new RangeError(`i18n.setLang: unsupported language ${JSON.stringify(next)}`);
      writeStored(storage, next);
      if (next === lang) return;
      lang = next;
      applyDocument();
      for (const l of [...listeners]) l(lang);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    formatDate: (v) => fmt.formatDate(v, lang),
    formatDateTime: (v) => fmt.formatDateTime(v, lang),
    formatRupiah: (a) => formatRupiah(a, lang),
    formatInteger: (n) => fmt.formatInteger(n, lang),
  };
}
