import assert from "node:assert/strict";
import { formatRupiah, formatVerifiedDate, unknownLabel } from "../../src/domain/format";

describe("domain/format", () => {
  it("formats rupiah with dots, free and unknown by language", () => {
    assert.equal(formatRupiah(350000), "Rp 350.000", "thousands with dots");
    assert.equal(formatRupiah(1000000, "en"), "Rp 1.000.000", "same digits in English");
    assert.equal(formatRupiah(500), "Rp 500", "no separator under 1000");
    assert.equal(formatRupiah(0), "Gratis", "free in Indonesian");
    assert.equal(formatRupiah(0, "en"), "Free", "free in English");
    assert.equal(formatRupiah(null), "Tidak diketahui", "unknown is not free");
    assert.equal(formatRupiah(null, "en"), "Unknown", "unknown in English");
    assert.throws(() => formatRupiah(-1), /non-negative integer/, "negative rejected");
    assert.throws(() => formatRupiah(1.5), /non-negative integer/, "fraction rejected");
  });

  it("formats verification dates and says when never verified", () => {
    assert.equal(formatVerifiedDate("2023-03-07"), "7 Maret 2023", "Indonesian month");
    assert.equal(formatVerifiedDate("2023-03-07", "en"), "7 March 2023", "English month");
    assert.equal(formatVerifiedDate(null), "Belum diverifikasi", "never verified");
    assert.equal(formatVerifiedDate(null, "en"), "Not verified", "never verified in English");
    assert.throws(() => formatVerifiedDate("2023-13-01"), /bad month/, "bad month");
    assert.throws(() => formatVerifiedDate("07/03/2023"), /YYYY-MM-DD/, "bad format");
    assert.equal(unknownLabel("en"), "Unknown", "unknown label");
  });
});
