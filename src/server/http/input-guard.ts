// Refuses hostile parameter text before any handler sees it: a query string that is not valid
// percent-encoded UTF-8, and parameter values with control characters or invisible Unicode
// formatting (bidi overrides that make "paspor" display reversed, zero-width characters that
// make two equal-looking queries differ, lone surrogates). Length and pattern rules stay in the
// route schemas (schemas.ts); this guard applies to every route, including those without one.

/** C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width and invisible operators, BOM, interlinear annotation. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\p{Cs}/u;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** True when every name=value part of the raw query string decodes as UTF-8. */
export function queryStringDecodes(rawQuery: string): boolean {
  for (const part of rawQuery.split("&")) {
    try {
      decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return false;
    }
  }
  return true;
}

/** The first parameter (name) whose value holds forbidden characters, or null. Arrays are checked item by item. */
export function forbiddenParameter(values: Record<string, unknown> | null | undefined, skip: readonly string[] = []): string | null {
  if (!values || typeof values !== "object") return null;
  for (const [name, value] of Object.entries(values)) {
    if (skip.includes(name)) continue;
    const items = Array.isArray(value) ? value : [value];
    if (hasForbiddenCharacters(name)) return name.replace(FORBIDDEN_ALL, "?");
    for (const item of items) if (typeof item === "string" && hasForbiddenCharacters(item)) return name;
  }
  return null;
}

const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "gu");
