import assert from "node:assert/strict";
import fc from "fast-check";
import {
  formatQueueNumber, indonesianNumberWords, isQueueNumber, parseQueueNumber, queueLetter, spokenCall,
} from "../../../src/domain/queue/number";

describe("domain/queue/number", () => {
  it("formats numbers with the counter group's letter and three digits", () => {
    assert.equal(formatQueueNumber(queueLetter("B2"), 14), "B-014", "counter B2, 14th of the day");
    assert.equal(queueLetter(" c1"), "C", "lower case and a leading space");
    assert.equal(formatQueueNumber("A", 1), "A-001", "the first number of the day");
    assert.equal(formatQueueNumber("A", 1000), "A-1000", "past 999 the number grows");
    assert.throws(() => queueLetter("12"), /does not start with a letter/, "a label without a letter");
    assert.throws(() => formatQueueNumber("AB", 1), /A-Z/, "two letters are refused");
    assert.throws(() => formatQueueNumber("A", 0), />= 1/, "sequence 0 is refused");
  });

  it("parses what people type and round-trips every number", () => {
    assert.deepEqual(parseQueueNumber(" b 014 "), { letter: "B", sequence: 14 }, "loose typing");
    assert.equal(parseQueueNumber("B-000"), null, "zero is not a number");
    assert.equal(parseQueueNumber("BB-1"), null, "two letters");
    assert.equal(isQueueNumber("B-0014"), false, "over-padded is not canonical");
    fc.assert(fc.property(fc.constantFrom(..."ABCDEFGHJKLMNPQRSTUVWXYZ"), fc.integer({ min: 1, max: 99_999 }), (letter, seq) => {
      const n = formatQueueNumber(letter, seq);
      assert.equal(isQueueNumber(n), true, `${n} is canonical`);
      assert.deepEqual(parseQueueNumber(n), { letter, sequence: seq }, "parses back");
    }));
  });

  it("reads numbers aloud in Indonesian", () => {
    const cases: Array<[number, string]> = [
      [0, "nol"], [1, "satu"], [10, "sepuluh"], [11, "sebelas"], [14, "empat belas"], [20, "dua puluh"],
      [21, "dua puluh satu"], [100, "seratus"], [101, "seratus satu"], [115, "seratus lima belas"],
      [999, "sembilan ratus sembilan puluh sembilan"], [1000, "seribu"], [1014, "seribu empat belas"],
      [2500, "dua ribu lima ratus"], [100_000, "seratus ribu"],
    ];
    for (const [n, words] of cases) assert.equal(indonesianNumberWords(n), words, `${n}`);
    assert.deepEqual(spokenCall("B-014", "B2"), {
      id: "Nomor antrean B empat belas, silakan ke loket B2.",
      en: "Queue number B 14, please go to counter B2.",
    }, "the call the board reads");
  });
});
