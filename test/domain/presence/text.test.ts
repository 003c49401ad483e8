// Names and chat text: accepted as plain text, refused with control or direction-changing characters.
import assert from "node:assert/strict";
import { anonymousName, checkChatText, checkName } from "../../../src/domain/presence/text";
import { isRoomId } from "../../../src/domain/presence/limits";
import { roundPose } from "../../../src/domain/presence/pose";

describe("presence text rules", () => {
  it("accepts ordinary names, trimmed and with spaces collapsed", () => {
    assert.deepEqual(checkName("  Siti   Nurhaliza "), { ok: true, value: "Siti Nurhaliza" }, "trimmed, collapsed");
    assert.deepEqual(checkName("<script>alert(1)</script>".slice(0, 24)), { ok: true, value: "<script>alert(1)</script".slice(0, 24) }, "markup is just text");
    assert.equal(checkName("Dédé 🙂").ok, true, "accents and emoji");
  });

  it("refuses empty, too long, control, bidi, zero-width and reserved names", () => {
    for (const [bad, why] of [
      ["", "empty"], ["   ", "blank"], ["a".repeat(25), "25 characters"], ["ab\u0000c", "NUL"], ["ab\u0007", "bell"],
      ["evil\u202Etxt.exe", "right-to-left override"], ["a\u2066b", "isolate"], ["a\u200Bb", "zero-width space"],
      ["\uFEFFname", "BOM"], ["a\ud800b", "lone surrogate"], ["Pengunjung 7", "anonymous name"], ["visitor #3", "anonymous name (en)"],
    ] as const) {
      assert.equal(checkName(bad).ok, false, `${why} refused`);
    }
    assert.equal(checkName(42).ok, false, "a number is not a name");
  });

  it("counts characters, not UTF-16 units", () => {
    assert.equal(checkName("😀".repeat(24)).ok, true, "24 emoji are 24 characters");
  });

  it("accepts chat with newlines and emoji joiners, refuses control and bidi characters", () => {
    assert.deepEqual(checkChatText(" Halo\r\nPak \t"), { ok: true, value: "Halo\nPak" }, "CRLF to LF, trimmed");
    assert.equal(checkChatText("👩\u200D💻 siap").ok, true, "ZWJ emoji sequence");
    assert.equal(checkChatText("x".repeat(500)).ok, true, "500 characters");
    assert.equal(checkChatText("x".repeat(501)).ok, false, "501 characters");
    assert.equal(checkChatText("a\u202Eb").ok, false, "override refused");
    assert.equal(checkChatText("a\u001bb").ok, false, "escape refused");
    assert.equal(checkChatText("\n\n").ok, false, "only blank lines");
  });

  it("names anonymous visitors in both languages", () => {
    assert.equal(anonymousName(7), "Pengunjung 7", "Indonesian");
    assert.equal(anonymousName(7, "en"), "Visitor 7", "English");
  });

  it("knows the rooms: the plaza and the 27 codes of Jawa Barat", () => {
    const codes = [...Array.from({ length: 18 }, (_, i) => `32${String(i + 1).padStart(2, "0")}`), ...Array.from({ length: 9 }, (_, i) => `327${i + 1}`)];
    assert.ok(codes.every(isRoomId) && isRoomId("plaza"), "all 28 rooms");
    for (const bad of ["3200", "3219", "3270", "3280", "3173", "Plaza", "", "plaza ", null]) assert.equal(isRoomId(bad), false, `${String(bad)} refused`);
  });

  it("rounds poses for the wire: mm and 1e-4, unit quaternion", () => {
    const p = roundPose([1.23456, -0.0004, 2, 0, 0.70712, 0, 0.70712]);
    assert.deepEqual(p, [1.235, 0, 2, 0, 0.7071, 0, 0.7071], "rounded, -0 written as 0");
    assert.deepEqual(roundPose([0, 0, 0, 0, 0, 0, 0]), [0, 0, 0, 0, 0, 0, 1], "a zero quaternion becomes identity");
  });
});
