import assert from "node:assert/strict";
import fc from "fast-check";
import { CODE_ALPHABET, CODE_LENGTH, formatCode, generateCode, isCode, normalizeCode } from "../../../src/domain/queue/code";

/** A deterministic byte source (xorshift32) so statistical checks never flake. */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      bytes[i] = x & 0xff;
    }
    return bytes;
  };
}

describe("domain/queue/code", () => {
  it("uses an alphabet without look-alike characters", () => {
    for (const ch of "0O Q1IL2Z5S8BGV") assert.equal(CODE_ALPHABET.includes(ch), false, `${ch} is not used`);
    assert.equal(new Set(CODE_ALPHABET).size, CODE_ALPHABET.length, "no character twice");
    assert.equal(CODE_ALPHABET.length, 22, "22 characters");
  });

  it("makes 8-character codes from the CSPRNG, all different in a large draw", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const c = generateCode();
      assert.equal(c.length, CODE_LENGTH, "8 characters");
      assert.equal(isCode(c), true, "only alphabet characters");
      seen.add(c);
    }
    // Birthday bound: 2000^2 / (2 * 22^8) ~ 4e-5, so a collision here means a broken generator.
    assert.equal(seen.size, 2_000, "no collision in 2,000 codes");
  });

  it("rejects bytes above the last whole multiple, so no character is favoured", () => {
    // Bytes 242..255 would favour the first 14 characters if taken modulo 22: they must be skipped.
    const bytes = [255, 250, 242, 0, 241, 243, 21, 22, 44, 100, 200, 254, 1, 2, 3, 4];
    let i = 0;
    const code = generateCode((buf) => { for (let k = 0; k < buf.length; k++) buf[k] = bytes[i++ % bytes.length]!; return buf; });
    const expected = [0, 241, 21, 22, 44, 100, 200, 1].map((b) => CODE_ALPHABET[b % 22]).join("");
    assert.equal(code, expected, "242..255 skipped, the rest taken modulo 22");
    assert.throws(() => generateCode((buf) => buf.fill(250)), /keeps returning rejected bytes/, "a broken source fails instead of looping");
  });

  it("draws every character about equally often (chi-square, fixed seed)", () => {
    const counts = new Map<string, number>();
    const fill = seeded(12345);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) for (const ch of generateCode(fill)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (draws * CODE_LENGTH) / CODE_ALPHABET.length;
    let chi = 0;
    for (const ch of CODE_ALPHABET) chi += ((counts.get(ch) ?? 0) - expected) ** 2 / expected;
    // 21 degrees of freedom: p = 0.001 at 46.8. A modulo bias (14 of 22 characters 1/11 more often) gives chi ~ 300.
    assert.ok(chi < 46.8, `chi-square ${chi.toFixed(1)} shows no bias`);
  });

  it("normalises what people type and refuses anything else", () => {
    assert.equal(normalizeCode("k0dx-4mra"), null, "a code with a look-alike is refused, not guessed");
    assert.equal(normalizeCode(" kfdx-4mra "), "KFDX4MRA", "lower case, spaces and a dash");
    assert.equal(normalizeCode("KFDX 4MRA"), "KFDX4MRA", "a space in the middle");
    assert.equal(normalizeCode("ＫＦＤＸ４ＭＲＡ"), "KFDX4MRA", "full-width characters from a phone keyboard");
    for (const bad of ["KFDX4MR", "KFDX4MRAA", "KFDX4MR0", "", null, 12345678, "x".repeat(100)]) {
      assert.equal(normalizeCode(bad), null, `${String(bad).slice(0, 12)} is refused`);
    }
    assert.equal(formatCode("KFDX4MRA"), "KFDX-4MRA", "printed in two groups of four");
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
      const c = generateCode(seeded(seed));
      assert.equal(normalizeCode(formatCode(c).toLowerCase()), c, "a printed code typed in lower case reads back");
    }));
  });
});
