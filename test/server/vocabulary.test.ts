// Typo and word-form alternatives of a query word (src/server/data/vocabulary.ts).
import assert from "node:assert/strict";
import { editDistance, FORM_SHARE, Vocabulary } from "../../src/server/data/vocabulary";

describe("search vocabulary", () => {
  const vocab = new Vocabulary(["paspor", "passport", "kelahiran", "lahir", "akta", "ktp", "el", "kartu", "keluarga", "sim", "simpanan", "pernikahan", "nikah", "2024"]);

  it("measures edits, swaps of neighbours included, and gives up above the bound", () => {
    assert.equal(editDistance("pasport", "paspor", 2), 1, "one letter too many");
    assert.equal(editDistance("pasprot", "paspor", 2), 2, "a swap and a letter too many");
    assert.equal(editDistance("keluarag", "keluarga", 1), 1, "two neighbours swapped count once");
    assert.equal(editDistance("abc", "abc", 1), 0, "equal words");
    assert.equal(editDistance("abcdef", "uvwxyz", 2), 3, "far apart: bound + 1");
    assert.equal(editDistance("a", "abcdef", 2), 3, "length difference alone exceeds the bound");
  });

  it("always starts with the word itself at full share", () => {
    assert.deepEqual(vocab.forms("sim"), [["sim", FORM_SHARE.exact]], "short words get no alternatives");
    assert.deepEqual(vocab.forms("2024"), [["2024", FORM_SHARE.exact]], "numbers get no alternatives");
  });

  it("adds catalog words containing the word (Indonesian affixes) at a lower share", () => {
    const forms = vocab.forms("lahir");
    assert.deepEqual(forms[0], ["lahir", FORM_SHARE.exact], "the word first");
    assert.ok(forms.some(([w, s]) => w === "kelahiran" && s === FORM_SHARE.contains), "lahir -> kelahiran");
    assert.ok(vocab.forms("nikah").some(([w]) => w === "pernikahan"), "nikah -> pernikahan");
  });

  it("adds typo corrections only for a word no catalog word starts with", () => {
    const forms = vocab.forms("pasport").map(([w]) => w);
    assert.ok(forms.includes("paspor") && forms.includes("passport"), `pasport -> paspor, passport (${forms.join(", ")})`);
    assert.ok(vocab.forms("keluarag").some(([w, s]) => w === "keluarga" && s === FORM_SHARE.typo), "keluarag -> keluarga");
    assert.deepEqual(vocab.forms("kart").map(([w]) => w), ["kart"], "a prefix of a real word is not corrected");
    assert.deepEqual(vocab.forms("zzzzzz").map(([w]) => w), ["zzzzzz"], "nothing near: no alternative");
  });

  it("knows which words start a catalog word", () => {
    assert.equal(vocab.hasPrefix("pasp"), true, "pasp starts paspor");
    assert.equal(vocab.hasPrefix("pasx"), false, "pasx starts nothing");
    assert.equal(vocab.hasPrefix("zzz"), false, "after the last word");
  });
});
