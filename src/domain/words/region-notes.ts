// The regions' physical-MPP notes are written in English in the region table (catalog/
// kabkota-jabar.csv, a copy of shared/domain): their Indonesian and Sundanese wording lives in
// data/translations/region-notes.json, keyed by the English note. A note with no translation is
// returned with its own language ("en") so a page marks it instead of passing it off.
import type { UiLang } from "./langs";

export interface RegionNotes {
  formatVersion: 1;
  from: "en";
  review: { id: "draft" | "team" | "reviewed"; su: "draft" | "team" | "reviewed" };
  notes: Record<string, { id: string; su: string }>;
}

export function parseRegionNotes(value: unknown, file: string): RegionNotes {
  const v = value as Partial<RegionNotes> | null;
  const ok = v !== null && typeof v === "object" && v.formatVersion === 1 && v.from === "en" && typeof v.notes === "object" && v.notes !== null
    && Object.values(v.notes).every((n) => typeof n?.id === "string" && n.id.length > 0 && typeof n.su === "string" && n.su.length > 0);
  if (!ok) throw new Error(`${file}: expected { formatVersion: 1, from: "en", review, notes: { "<English note>": { id, su } } }`);
  return v as RegionNotes;
}

/** The note in `lang`, with the language it is actually in. */
export function regionNote(notes: RegionNotes, note: string, lang: UiLang): { text: string; lang: UiLang } {
  if (lang === "en") return { text: note, lang: "en" };
  const hit = Object.prototype.hasOwnProperty.call(notes.notes, note) ? notes.notes[note] : undefined;
  return hit ? { text: hit[lang], lang } : { text: note, lang: "en" };
}
