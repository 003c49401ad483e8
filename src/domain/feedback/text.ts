// Citizen text (questions, complaints, answers, survey comments) before it is stored. The text stays
// text: nothing is HTML-escaped or removed for looking like markup ("<script>" is stored as typed and
// shown with textContent everywhere). What is changed:
//   - line breaks unified to "\n" (CRLF, CR, U+2028/2029, NEL);
//   - removed: bidi controls (U+202A-202E, U+2066-2069, LRM/RLM/ALM), which can make a complaint read
//     differently on an officer's screen than it was written; C0/C1 control characters except tab and
//     newline; zero-width space, word joiner, BOM and noncharacters. ZWJ/ZWNJ stay (emoji, scripts);
//   - NFC, then trimmed.
// Refused, so nothing is silently lost: lone surrogates (broken UTF-16), empty text, and more than the
// limit (4,000 characters, counted as Unicode code points after NFC); the citizen shortens it.
import type { Bilingual } from "./tickets";

export const CITIZEN_TEXT_MAX = 4000;

export type TextErrorCode = "not_text" | "broken_text" | "empty_text" | "text_too_long";
export type TextCheck =
  | { ok: true; text: string; length: number; removed: number }
  | { ok: false; code: TextErrorCode; message: Bilingual };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;
const REMOVED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

export interface TextOptions {
  maxLength?: number;
  /** For one-line fields (a contact, a LAPOR! id): tabs and newlines become spaces. */
  singleLine?: boolean;
}

export function normalizeCitizenText(input: unknown, options: TextOptions = {}): TextCheck {
  const max = options.maxLength ?? CITIZEN_TEXT_MAX;
  if (typeof input !== "string") return fail("not_text", max);
  // NFC never shrinks text by more than 3 code units per character; anything far longer is refused
  // before the work (the routes' body limit comes first anyway).
  if (input.length > max * 4 + 64) return fail("text_too_long", max);
  if (LONE_SURROGATE.test(input)) return fail("broken_text", max);
  let removed = 0;
  let text = input.replace(LINE_BREAKS, "\n").replace(REMOVED, () => { removed++; return ""; });
  if (options.singleLine) text = text.replace(/[\t\n]+/g, " ");
  text = text.normalize("NFC").trim();
  if (text.length === 0) return fail("empty_text", max);
  const length = [...text].length;
  if (length > max) return fail("text_too_long", max, length);
  return { ok: true, text, length, removed };
}

function fail(code: TextErrorCode, max: number, length?: number): TextCheck {
  const messages: Record<TextErrorCode, Bilingual> = {
    not_text: { id: "Isi harus berupa teks.", en: "The content must be text." },
    broken_text: { id: "Teks berisi karakter yang rusak. Salin ulang teks Anda lalu kirim lagi.", en: "The text contains broken characters. Copy your text again and resend it." },
    empty_text: { id: "Tulis pertanyaan atau pengaduan Anda terlebih dahulu.", en: "Write your question or complaint first." },
    text_too_long: {
      id: `Teks terlalu panjang${length ? ` (${length} karakter)` : ""}. Batasnya ${max} karakter; persingkat teks Anda.`,
      en: `The text is too long${length ? ` (${length} characters)` : ""}. The limit is ${max} characters; please shorten it.`,
    },
  };
  return { ok: false, code, message: messages[code] };
}

export type ContactCheck =
  | { ok: true; kind: "email" | "phone"; value: string }
  | { ok: false; code: "bad_contact"; message: Bilingual };

const EMAIL = /^[^\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * An optional contact for the answer: an e-mail address, or an Indonesian phone number normalised to
 * +62 ("0812-3456-7890" -> "+6281234567890"). Anything else is refused with a message.
 */
export function parseContact(input: unknown): ContactCheck {
  const bad: ContactCheck = {
    ok: false, code: "bad_contact",
    message: { id: "Kontak harus alamat email atau nomor HP Indonesia (misalnya 0812...).", en: "The contact must be an e-mail address or an Indonesian phone number (e.g. 0812...)." },
  };
  const t = normalizeCitizenText(input, { maxLength: 254, singleLine: true });
  if (!t.ok) return bad;
  const value = t.text;
  if (value.includes("@")) {
    if (!EMAIL.test(value) || value.length > 254) return bad;
    const at = value.lastIndexOf("@");
    return { ok: true, kind: "email", value: `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}` };
  }
  const digits = value.replace(/[\s\-().]/g, "");
  const m = /^(?:\+62|62|0)(8\d{7,12})$/.exec(digits);
  return m ? { ok: true, kind: "phone", value: `+62${m[1]}` } : bad;
}
