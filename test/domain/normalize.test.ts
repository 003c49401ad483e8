import assert from "node:assert/strict";
import { foldText, tokenize } from "../../src/domain/normalize";

describe("domain/normalize", () => {
  it("folds case, accents and whitespace", () => {
    assert.equal(foldText("  PÁSPOR\t Biasa "), "paspor biasa", "case, accent, spaces");
    assert.equal(foldText("Ｐａｓｐｏｒ"), "paspor", "full-width letters (NFKD)");
  });

  it("splits into words of letters and digits", () => {
    assert.deepEqual(tokenize("KTP-el (baru), 2024!"), ["ktp", "el", "baru", "2024"], "punctuation splits");
    assert.deepEqual(tokenize(' "* OR NEAR( '), ["or", "near"], "FTS syntax characters dropped");
    assert.deepEqual(tokenize(""), [], "empty");
  });
});
