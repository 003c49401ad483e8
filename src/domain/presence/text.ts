// Names and chat text people type: validated the same way by the server (which decides) and the app
// (which can say so before sending). The result is always plain text; nothing here escapes HTML,
// because nothing is ever rendered as HTML: the app puts these strings in text nodes and GUI labels.
import { PRESENCE_LIMITS } from "./limits";

export type TextCheck = { ok: true; value: string } | { ok: false; reason: string };

// Control characters, lone surrogates, private-use and unassigned code points, line/paragraph
// separators. Format characters (Cf: bidi overrides and isolates, zero-width spaces, BOM) are refused
// in names outright: they reorder or hide text and make two names look alike.
const NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
// Chat allows newlines and the joiners that emoji sequences and some scripts need (U+200C, U+200D).
const CHAT_FORBIDDEN = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
/** "Pengunjung 12" and "Visitor 12" are the anonymous names: nobody may choose one. */
const NUMBERED_VISITOR = /^(?:pengunjung|visitor)\s*#?\d+$/iu;

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function wellFormed(s: string): boolean {
  // A lone surrogate is not matched by \p{Cs} under the u flag on every engine: check it directly.
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** A chosen display name: trimmed, inner spaces collapsed, NFC, 1..24 characters. */
export function checkName(input: unknown): TextCheck {
  if (typeof input !== "string") return { ok: false, reason: "not a string" };
  if (!wellFormed(input)) return { ok: false, reason: "lone surrogate" };
  const nfc = input.normalize("NFC");
  // Checked before spaces are collapsed: JavaScript's \s also matches U+FEFF, which must be refused, not hidden.
  if (NAME_FORBIDDEN.test(nfc)) return { ok: false, reason: "control or formatting character" };
  const value = nfc.replace(/\s+/gu, " ").trim();
  const length = codePoints(value);
  if (length === 0) return { ok: false, reason: "empty" };
  if (length > PRESENCE_LIMITS.nameMaxLength) return { ok: false, reason: `longer than ${PRESENCE_LIMITS.nameMaxLength} characters` };
  if (NUMBERED_VISITOR.test(value)) return { ok: false, reason: "reserved for anonymous visitors" };
  return { ok: true, value };
}

/** A chat message: CRLF to LF, tabs to spaces, trimmed, NFC, 1..500 characters, at most 3 blank lines in a row. */
export function checkChatText(input: unknown): TextCheck {
  if (typeof input !== "string") return { ok: false, reason: "not a string" };
  if (!wellFormed(input)) return { ok: false, reason: "lone surrogate" };
  const value = input.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(/\n{4,}/g, "\n\n\n").trim();
  if (CHAT_FORBIDDEN.test(value)) return { ok: false, reason: "control or formatting character" };
  const length = codePoints(value);
  if (length === 0) return { ok: false, reason: "empty" };
  if (length > PRESENCE_LIMITS.chatMaxLength) return { ok: false, reason: `longer than ${PRESENCE_LIMITS.chatMaxLength} characters` };
  return { ok: true, value };
}

/** The anonymous name of visitor number n. */
export function anonymousName(n: number, lang: "id" | "en" = "id"): string {
  return `${lang === "en" ? "Visitor" : "Pengunjung"} ${n}`;
}
