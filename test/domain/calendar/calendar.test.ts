import assert from "node:assert/strict";
import fc from "fast-check";
import { createCalendar } from "../../../src/domain/calendar/calendar";
import { loadHolidayFiles } from "../../../src/domain/calendar/load";
import { addDays } from "../../../src/domain/time/wib";

const holidays = loadHolidayFiles("data/calendar");
const national = createCalendar({ holidays });

describe("domain/calendar/calendar", () => {
  it("closes weekends, national holidays and joint leave days, with the reason", () => {
    assert.equal(national.isWorkingDay("2026-08-18"), true, "an ordinary Tuesday is a working day");
    assert.deepEqual(national.closure("2026-08-17"), { kind: "libur_nasional", name: { id: "Proklamasi Kemerdekaan", en: "Independence Day" } }, "17 August");
    assert.equal(national.closure("2026-03-23")?.kind, "cuti_bersama", "Idulfitri joint leave closes the MPP by default");
    assert.equal(national.closure("2026-08-22")?.kind, "weekend", "a Saturday");
    assert.equal(national.closure("2026-03-21")?.kind, "libur_nasional", "a holiday on a Saturday names the holiday");
    const cutiOpen = createCalendar({ holidays, cutiBersamaClosed: false });
    assert.equal(cutiOpen.isWorkingDay("2026-03-23"), true, "an MPP that serves on joint leave days can say so");
  });

  it("adds a region's own closed and open days", () => {
    const cal = createCalendar({
      holidays,
      regionClosed: [{ date: "2026-09-25", reason: { id: "Hari Jadi Kota", en: "City anniversary" } }],
      regionOpen: ["2026-08-22", "2026-03-23", "2026-08-17"],
    });
    assert.deepEqual(cal.closure("2026-09-25"), { kind: "region_closed", name: { id: "Hari Jadi Kota", en: "City anniversary" } }, "a region closed day");
    assert.equal(cal.isWorkingDay("2026-08-22"), true, "a Saturday the region opens");
    assert.equal(cal.isWorkingDay("2026-03-23"), true, "a joint leave day the region opens");
    assert.equal(cal.isWorkingDay("2026-08-17"), false, "a region cannot open on a national holiday");
    assert.throws(() => createCalendar({ holidays, regionClosed: [{ date: "2026-9-25", reason: { id: "x", en: "x" } }] }), /bad region closed day/, "bad dates are refused");
  });

  it("counts working days across the Idulfitri 2026 holidays", () => {
    // 17 March 2026 (Tuesday): Nyepi joint leave 18, Nyepi 19, joint leave 20, weekend 21-22 (Idulfitri),
    // joint leave 23-24: the next working days are 25, 26, 27 March.
    assert.equal(national.nextWorkingDay("2026-03-17"), "2026-03-25", "next working day after 17 March");
    assert.equal(national.addWorkingDays("2026-03-17", 3), "2026-03-27", "3 working days after 17 March");
    assert.equal(national.workingDaysBetween("2026-03-17", "2026-03-27"), 3, "and back");
    assert.equal(national.workingDaysBetween("2026-03-27", "2026-03-17"), -3, "negative when reversed");
    assert.equal(national.addWorkingDays("2026-03-17", 0), "2026-03-17", "0 working days is the same day");
    assert.equal(national.nextWorkingDay("2026-03-25", { inclusive: true }), "2026-03-25", "inclusive keeps a working day");
    assert.equal(national.nextWorkingDay("2026-12-23"), "2026-12-28", "over Christmas 2026 and the weekend");
    assert.equal(national.nextWorkingDay("2026-12-31"), "2027-01-04", "over New Year into the 2027 file");
    assert.throws(() => national.addWorkingDays("2026-03-17", -1), /whole number >= 0/, "negative counts are refused");
    assert.throws(() => national.isWorkingDay("17-03-2026"), /bad date/, "bad dates are refused");
  });

  it("says which years it knows", () => {
    assert.deepEqual(national.years, [2026, 2027], "years with holiday data");
    assert.equal(national.isCovered("2027-06-01"), true, "2027 is covered");
    assert.equal(national.isCovered("2028-01-03"), false, "2028 is not");
    assert.throws(() => createCalendar({ holidays: [holidays[0]!, holidays[0]!] }), /two holiday files for 2026/, "a year twice is refused");
  });

  it("keeps addWorkingDays and workingDaysBetween inverse, and lands only on working days", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
      const start = addDays("2026-01-01", offset);
      const end = national.addWorkingDays(start, n);
      assert.equal(national.workingDaysBetween(start, end), n, "counting back gives n");
      if (n > 0) assert.equal(national.isWorkingDay(end), true, "the result is a working day");
      const next = national.nextWorkingDay(start);
      for (let d = addDays(start, 1); d < next; d = addDays(d, 1)) {
        assert.equal(national.isWorkingDay(d), false, "no working day is skipped");
      }
    }));
  });

  it("gives up clearly when a region closes everything", () => {
    const regionClosed = Array.from({ length: 400 }, (_, i) => ({ date: addDays("2026-01-01", i), reason: { id: "x", en: "x" } }));
    const cal = createCalendar({ holidays, regionClosed });
    assert.throws(() => cal.nextWorkingDay("2026-01-01"), /no working day within 366 days/, "no endless loop");
  });
});
