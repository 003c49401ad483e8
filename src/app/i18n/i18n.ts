// The current language and the translate/format functions built on it.
// Language choice: `?lang=id|en` in the URL wins (and is remembered), then the stored
// choice ("mpp.lang"), then Indonesian. Storage may be missing or throw (private
// browsing, sandboxed kiosks): the app then simply does not remember.
import { dictionaries, type Lang, type StringKey } from "./strings";
import * as fmt from "./format";
import { formatRupiah } from "../../domain/format";
import { baseLang, isUiLang, type UiLang } from "../../domain/words/langs";
import type { Phrasebook } from "../../domain/words/phrasebook";
import { activateSundanese, type SuLayers } from "./su-layers";

export const STORAGE_KEY = "mpp.lang";

export type Params = Record<string, string | number>;

export type SuStrings = Partial<Record<StringKey, string>>;
/** Basa Sunda for the interface (strings-su.ts) and for the modules with their own dictionaries (su-layers.ts). */
export interface SundaneseTables { strings: SuStrings; layers: SuLayers }

export interface I18n {
  /** The complete language (id or en) modules without Sundanese texts use; "id" when Basa Sunda is chosen. */
  readonly lang: Lang;
  /** The visitor's choice: id, en or su (Basa Sunda). */
  readonly uiLang: UiLang;
  /** The catalog texts' translations for uiLang (data/translations/), null for id or until loaded. */
  readonly phrasebook: Phrasebook | null;
  /** The text for `key` with `{name}` placeholders filled; an unfilled placeholder stays visible. */
  t(key: StringKey, params?: Params): string;
  setLang(lang: UiLang): void;
  /** Called after every change of language (and when its phrasebook arrives); returns the unsubscribe function. */
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
  /** Loads a language's phrasebook (a lazy chunk in the app); without it services stay marked untranslated. */
  loadPhrasebook?: (lang: "en" | "su") => Promise<Phrasebook>;
  /** The interface in Basa Sunda (strings-su.ts), given at once or loaded (a lazy chunk in the app,
   *  so the entry chunk stays within its budget); until it arrives the interface shows Indonesian. */
  sundanese?: SuStrings | SundaneseTables | (() => Promise<SuStrings | SundaneseTables>);
}

export function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

function readStored(storage: I18nOptions["storage"]): string | null {
  try { return storage?.getItem(STORAGE_KEY) ?? null; } catch { return null; }
}

function writeStored(storage: I18nOptions["storage"], lang: UiLang): void {
  try { storage?.setItem(STORAGE_KEY, lang); } catch { /* not remembered; still works */ }
}

export function createI18n(options: I18nOptions): I18n {
  if (!(options?.url instanceof URL)) throw new TypeError("createI18n: options.url must be a URL");
  const { storage, document } = options;
  const fromUrl = options.url.searchParams.get("lang");
  const stored = readStored(storage);
  let ui: UiLang = isUiLang(fromUrl) ? fromUrl : isUiLang(stored) ? stored : "id";
  let lang: Lang = baseLang(ui);
  if (isUiLang(fromUrl)) writeStored(storage, fromUrl);
  const books = new Map<UiLang, Phrasebook>();
  const loading = new Set<UiLang>();
  const isTables = (x: SuStrings | SundaneseTables): x is SundaneseTables => "strings" in x && "layers" in x;
  let su: SuStrings | null = null;
  let suLayers: SuLayers | null = null;
  const takeSundanese = (x: SuStrings | SundaneseTables) => {
    su = isTables(x) ? x.strings : x;
    suLayers = isTables(x) ? x.layers : null;
  };
  if (typeof options.sundanese === "object") takeSundanese(options.sundanese);
  let suLoading = false;

  const listeners = new Set<(lang: Lang) => void>();
  const applyDocument = () => { if (document) document.documentElement.lang = ui; };
  applyDocument();
  // The other modules' Sundanese follows the language before any view hears of the change.
  const syncLayers = () => activateSundanese(ui === "su" ? suLayers : null);
  syncLayers();
  const emit = () => { syncLayers(); for (const l of [...listeners]) l(lang); };
  // The phrasebook comes later than the language: views render first with the fields marked
  // untranslated, then again (one more change event) with the translations.
  const ensureBook = () => {
    const want = ui;
    if (want === "su" && su === null && !suLoading && typeof options.sundanese === "function") {
      suLoading = true;
      options.sundanese().then((tables) => {
        takeSundanese(tables);
        if (ui === "su") emit();
      }, () => { /* Indonesian stays; a later switch tries again */ }).finally(() => { suLoading = false; });
    }
    if (want === "id" || books.has(want) || loading.has(want) || !options.loadPhrasebook) return;
    loading.add(want);
    options.loadPhrasebook(want).then((book) => {
      books.set(want, book);
      if (ui === want) emit();
    }, () => { /* stays marked untranslated; a later switch tries again */ }).finally(() => loading.delete(want));
  };
  ensureBook();

  return {
    get lang() { return lang; },
    get uiLang() { return ui; },
    get phrasebook() { return books.get(ui) ?? null; },
    t(key, params) {
      const text = (ui === "su" ? su?.[key] : undefined) ?? dictionaries[lang][key];
      if (text === undefined) throw new Error(`i18n: unknown key ${JSON.stringify(key)}`);
      return interpolate(text, params);
    },
    setLang(next) {
      if (!isUiLang(next)) throw new RangeError(`i18n.setLang: unsupported language ${JSON.stringify(next)}`);
      writeStored(storage, next);
      if (next === ui) return;
      ui = next;
      lang = baseLang(ui);
      applyDocument();
      ensureBook();
      emit();
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
