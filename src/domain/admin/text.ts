// What an officer's text may contain: readable characters. Control characters, bidi overrides that
// make "Rp 50.000" display as something else, zero-width characters and lone surrogates are refused
// (the same set as the query guard, src/server/http/input-guard.ts); line breaks only where a field
// spans lines. Text is shown as text everywhere (textContent), so this is about honesty, not markup.

const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\p{Cs}/u;

export function hasForbiddenText(text: string, multiline: boolean): boolean {
  return FORBIDDEN.test(multiline ? text.replace(/\r?\n/g, "") : text);
}

/** The first forbidden character's code point as U+XXXX, for messages; null when none. */
export function firstForbidden(text: string, multiline: boolean): string | null {
  const m = FORBIDDEN.exec(multiline ? text.replace(/\r?\n/g, "") : text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : null;
}
