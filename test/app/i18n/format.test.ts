import assert from "node:assert/strict";
import { formatDate, formatDateTime, formatInteger, toDate } from "../../../src/app/i18n/format";

describe("i18n/format", () => {
  it("formats an ISO date as day, short month, year", () => {
    assert.equal(formatDate("2026-11-27", "id"), "27 Nov 2026", "Indonesian date");
    assert.equal(formatDate("2023-03-07", "en"), "7 Mar 2023", "English date");
    assert.equal(formatDate("2023-05-01", "id"), "1 Mei 2023", "Indonesian month name");
  });

  it("formats dates in Jakarta time, not the device's zone", () => {
    // 20:00 UTC on 31 Dec is already 1 Jan in WIB (UTC+7).
    assert.equal(formatDate(new Date(Date.UTC(2025, 11, 31, 20)), "id"), "1 Jan 2026", "date shifted to WIB");
    assert.equal(formatDateTime(new Date(Date.UTC(2026, 10, 27, 7, 5)), "id"), "27 Nov 2026, 14.05 WIB", "id date-time in WIB");
    assert.equal(formatDateTime("2026-11-27T07:05:00Z", "en"), "27 Nov 2026, 14:05 WIB", "en date-time in WIB");
  });

  it("rejects what is not a date", () => {
    assert.throws(() => toDate("yesterday"), /not a date/, "free text is refused");
    assert.throws(() => toDate(new Date(NaN)), /invalid Date/, "an invalid Date is refused");
  });

  it("groups integers and refuses non-integers", () => {
    assert.equal(formatInteger(1234567, "id"), "1.234.567", "Indonesian grouping");
    assert.equal(formatInteger(1234567, "en"), "1,234,567", "English grouping");
    assert.throws(() => formatInteger(Number.NaN, "id"), /not an integer/, "NaN");
  });
});
