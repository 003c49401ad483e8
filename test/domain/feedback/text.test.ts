import assert from "node:assert/strict";
import fc from "fast-check";
import { CITIZEN_TEXT_MAX, normalizeCitizenText, parseContact } from "../../../src/domain/feedback/text";

const ok = (input: unknown) => {
  const r = normalizeCitizenText(input);
  assert.equal(r.ok, true, `${JSON.stringify(input)?.slice(0, 40)} is accepted`);
  return r.ok ? r.text : "";
};
const code = (input: unknown, opts = {}) => { const r = normalizeCitizenText(input, opts); return r.ok ? null : r.code; };

describe("domain/feedback/text", () => {
  it("keeps markup as the text the citizen typed", () => {
    assert.equal(ok("<script>alert('x')</script> & <b>KTP</b>"), "<script>alert('x')</script> & <b>KTP</b>", "nothing escaped or removed");
    assert.equal(ok("Antrean  paspor\tlama\n\nsekali"), "Antrean  paspor\tlama\n\nsekali", "spaces, tabs and blank lines kept");
  });

  it("removes bidi overrides, control characters and invisible marks, and says how many", () => {
    const r = normalizeCitizenText("Biaya \u202Eadmin 0005 Rp\u202C dibayar\u0000\u0007\u200B\uFEFF \u2066x\u2069");
    assert.deepEqual(r, { ok: true, text: "Biaya admin 0005 Rp dibayar x", length: 29, removed: 8 }, "RLO/PDF, NUL, BEL, ZWSP, BOM, isolates removed");
    assert.equal(ok("a\u0085b\u2028c\r\nd\re"), "a\nb\nc\nd\ne", "every line break becomes \\n");
    assert.equal(ok("👨‍👩‍👧 keluarga"), "👨‍👩‍👧 keluarga", "a ZWJ emoji sequence stays whole");
    assert.equal(ok("\u0645\u0631\u062d\u0628\u0627 Bandung"), "\u0645\u0631\u062d\u0628\u0627 Bandung", "right-to-left letters stay; only controls go");
  });

  it("normalises to NFC and counts characters after it", () => {
    assert.equal(ok("Pe\u0301ndaftaran"), "P\u00e9ndaftaran", "e + combining acute becomes é");
    const decomposed = "e\u0301".repeat(CITIZEN_TEXT_MAX);
    const r = normalizeCitizenText(decomposed);
    assert.equal(r.ok && r.length, CITIZEN_TEXT_MAX, "4,000 decomposed é (8,000 code units) fit after NFC");
    assert.equal(normalizeCitizenText("😀".repeat(CITIZEN_TEXT_MAX)).ok, true, "4,000 emoji (8,000 UTF-16 units) are 4,000 characters");
  });

  it("refuses what cannot be kept: lone surrogates, empty text, too long, not a string", () => {
    assert.equal(code("abc\uD800def"), "broken_text", "a lone high surrogate");
    assert.equal(code("\uDC00abc"), "broken_text", "a lone low surrogate");
    assert.equal(code("  \n\t\u200B "), "empty_text", "only whitespace and invisible marks");
    assert.equal(code("x".repeat(10_000)), "text_too_long", "10,000 characters");
    assert.equal(code("x".repeat(CITIZEN_TEXT_MAX + 1)), "text_too_long", "one over the limit");
    assert.equal(code("x".repeat(CITIZEN_TEXT_MAX)), null, "exactly the limit");
    assert.equal(code(42), "not_text", "a number");
    const r = normalizeCitizenText("y".repeat(4100));
    assert.match(!r.ok ? r.message.id : "", /\(4100 karakter\)\. Batasnya 4000 karakter/, "the message says how long and the limit");
    assert.equal(code("abc", { maxLength: 2 }), "text_too_long", "a field's own limit");
  });

  it("returns clean, well-formed, idempotent text for any input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
      const r = normalizeCitizenText(s);
      if (!r.ok) return;
      assert.equal(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(r.text), false, "no controls left");
      assert.equal(r.text, r.text.normalize("NFC"), "NFC");
      assert.deepEqual(normalizeCitizenText(r.text), { ok: true, text: r.text, length: r.length, removed: 0 }, "normalising again changes nothing");
    }));
  });

  it("reads an e-mail address or an Indonesian phone number as contact", () => {
    assert.deepEqual(parseContact(" Siti@Example.CO.ID "), { ok: true, kind: "email", value: "Siti@example.co.id" }, "domain lower-cased, local part kept");
    assert.deepEqual(parseContact("0812-3456-7890"), { ok: true, kind: "phone", value: "+6281234567890" }, "a mobile number to +62");
    assert.deepEqual(parseContact("+62 812 3456 7890"), { ok: true, kind: "phone", value: "+6281234567890" }, "already +62");
    for (const bad of ["siti@", "@x.id", "021-123", "hubungi saya", "0812\u202E3456", "", null, "a@b"]) {
      assert.equal(parseContact(bad).ok, false, `${String(bad)} is refused`);
    }
  });
});
