import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { id as appId, en as appEn } from "../../../src/app/i18n/strings";
import { suStrings } from "../../../src/app/i18n/strings-su";
import { id as queueId, en as queueEn } from "../../../src/app/queue/strings";
import { suQueue } from "../../../src/app/queue/strings-su";
import { suFeedback } from "../../../src/app/feedback/strings-su";
import { suKiosk } from "../../../src/app/kiosk/screens/feedback-text-su";
import { SHEET_LABELS } from "../../../src/domain/service-sheet";
import { glossaryViolations } from "../../../src/domain/words/glossary";
import type { UiLang } from "../../../src/domain/words/langs";

/** The Indonesian block (`const id = { ... }`) of a dictionary file that does not export it. */
function idBlock(path: string): string {
  const text = readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
  const start = text.indexOf("const id = {");
  assert.ok(start >= 0, `${path} has an Indonesian dictionary`);
  return text.slice(start, text.indexOf("} as const", start));
}

describe("one vocabulary (src/domain/words/glossary.ts)", () => {
  const check = (name: string, lang: UiLang, texts: readonly string[]) => {
    const found = texts.flatMap((t) => glossaryViolations(t, lang).map((v) => `${v} in "${t}"`));
    assert.deepEqual(found, [], `${name} (${lang}) keeps the glossary`);
  };

  it("finds an avoided word, and only as a whole word", () => {
    assert.equal(glossaryViolations("Alur layanan", "id").length, 1, "Alur is caught");
    assert.equal(glossaryViolations("Ambil antrean online", "id").length, 1, "online is caught in Indonesian");
    assert.equal(glossaryViolations("Book online", "en").length, 0, "online is the English word");
    assert.equal(glossaryViolations("Penyaluran", "id").length, 0, "no match inside a word");
  });

  it("holds in the app's, the kiosk's and the queue's dictionaries and the service sheet", () => {
    check("app strings", "id", Object.values(appId));
    check("app strings", "en", Object.values(appEn));
    check("app strings", "su", Object.values(suStrings).filter((x): x is string => typeof x === "string"));
    check("queue strings", "id", Object.values(queueId));
    check("queue strings", "en", Object.values(queueEn));
    check("queue strings", "su", Object.values(suQueue));
    check("feedback strings", "su", Object.values(suFeedback));
    check("help desk strings", "su", Object.values(suKiosk));
    for (const lang of ["id", "en", "su"] as const) check("service sheet", lang, Object.values(SHEET_LABELS[lang]));
    check("feedback strings", "id", [idBlock("src/app/feedback/strings.ts")]);
  });
});
