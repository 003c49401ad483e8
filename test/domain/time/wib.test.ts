import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  addDays, compareDates, daysBetween, formatWallTime, isIsoDate, parseIsoDate, parseWallTime, todayWib,
  toWib, weekdayOf, wibToInstant,
} from "../../../src/domain/time/wib";

const PROBE = fileURLToPath(new URL("./wib-probe.ts", import.meta.url));

function probe(tz: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, ["--import", "tsx", PROBE], {
    env: { ...process.env, TZ: tz, NODE_OPTIONS: "" },
    encoding: "utf8",
  });
  assert.equal(r.status, 0, `probe under TZ=${tz} exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("domain/time/wib", () => {
  it("gives the same answers whatever the server's time zone", function () {
    this.timeout(60_000);
    const utc = probe("UTC");
    const ny = probe("America/New_York");
    const kiritimati = probe("Pacific/Kiritimati");
    assert.equal(utc.localOffset, 0, "the UTC child really runs in UTC");
    assert.equal(ny.localOffset, 240, "the New York child really runs in New York (EDT in July)");
    assert.equal(kiritimati.localOffset, -840, "the Kiritimati child really runs at UTC+14");
    for (const other of [ny, kiritimati]) {
      const { tz: _a, localOffset: _b, ...a } = utc;
      const { tz: _c, localOffset: _d, ...b } = other;
      assert.deepEqual(b, a, `answers under TZ=${String(other.tz)} equal those under UTC`);
    }
    assert.deepEqual((utc.today as string[]).slice(3, 5), ["2026-12-31", "2027-01-01"], "New Year starts at 17:00Z");
  });

  it("converts instants to WIB wall clock and back", () => {
    assert.deepEqual(toWib(new Date("2026-03-02T01:00:00Z")), { date: "2026-03-02", time: "08:00", minutes: 480 }, "01:00Z is 08:00 WIB");
    assert.deepEqual(toWib(new Date("2026-03-01T17:00:00Z")), { date: "2026-03-02", time: "00:00", minutes: 0 }, "17:00Z is midnight of the next WIB day");
    assert.equal(wibToInstant("2026-03-02", "08:00").toISOString(), "2026-03-02T01:00:00.000Z", "08:00 WIB is 01:00Z");
    assert.equal(wibToInstant("2026-03-02", "00:00").toISOString(), "2026-03-01T17:00:00.000Z", "WIB midnight is 17:00Z the day before");
    assert.equal(wibToInstant("2026-03-02", 1440).toISOString(), "2026-03-02T17:00:00.000Z", "minute 1440 is the end of the day");
    assert.equal(todayWib(new Date("2026-06-30T16:59:59Z")), "2026-06-30", "a second before WIB midnight is still the same day");
    assert.throws(() => wibToInstant("2026-02-30", "08:00"), /bad date/, "an impossible date is refused");
    assert.throws(() => wibToInstant("2026-02-03", "24:01"), /bad wall time/, "an impossible time is refused");
    assert.throws(() => toWib(new Date("nope")), /invalid Date/, "an invalid Date is refused");
  });

  it("round-trips any instant to the minute", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (minutesSince1970) => {
      const instant = new Date(minutesSince1970 * 60_000);
      const { date, time } = toWib(instant);
      assert.equal(wibToInstant(date, time).getTime(), instant.getTime(), "toWib then wibToInstant gives the instant back");
    }));
  });

  it("knows weekdays, adds days over month and year ends, counts days", () => {
    assert.equal(weekdayOf("2026-08-17"), 1, "17 August 2026 is a Monday");
    assert.equal(weekdayOf("2026-01-01"), 4, "1 January 2026 is a Thursday");
    assert.equal(weekdayOf("2027-03-10"), 3, "10 March 2027 is a Wednesday");
    assert.equal(addDays("2026-12-31", 1), "2027-01-01", "year end");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29", "leap day");
    assert.equal(addDays("2026-03-01", -1), "2026-02-28", "back over a month end");
    assert.equal(daysBetween("2026-01-01", "2027-01-01"), 365, "2026 has 365 days");
    assert.equal(compareDates("2026-01-02", "2026-01-10"), -1, "earlier sorts first");
    assert.equal(compareDates("2026-01-10", "2026-01-10"), 0, "equal dates");
    assert.throws(() => addDays("2026-01-01", 0.5), /not an integer/, "fractional days are refused");
  });

  it("agrees with Date.UTC on weekdays and day counts for any date", () => {
    fc.assert(fc.property(fc.integer({ min: 400, max: 60_000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
      const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
      assert.equal(weekdayOf(date), new Date(n * 86_400_000).getUTCDay(), "weekday matches getUTCDay");
      assert.equal(daysBetween(date, addDays(date, k)), k, "addDays and daysBetween are inverse");
    }));
  });

  it("validates dates and wall times strictly", () => {
    assert.deepEqual(parseIsoDate("2028-02-29"), { year: 2028, month: 2, day: 29 }, "a leap day parses");
    for (const bad of ["2027-02-29", "2026-13-01", "2026-1-01", "2026-01-01T00:00", " 2026-01-01", 20260101, null]) {
      assert.equal(isIsoDate(bad), false, `${String(bad)} is not an IsoDate`);
    }
    assert.equal(parseWallTime("08:30"), 510, "08:30 is minute 510");
    assert.equal(parseWallTime("23:59"), 1439, "last minute of the day");
    for (const bad of ["8:30", "24:00", "12:60", "12.30", "", undefined]) {
      assert.equal(parseWallTime(bad), null, `${String(bad)} is not a wall time`);
    }
    assert.equal(formatWallTime(510), "08:30", "minute 510 formats as 08:30");
    assert.throws(() => formatWallTime(1441), /outside/, "past the end of the day is refused");
  });
});
