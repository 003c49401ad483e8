// Run by wib.test.ts in child processes with different TZ values: prints the answers of the WIB
// functions for fixed instants, so the test can check they are the same whatever the server's zone.
import { addDays, daysBetween, todayWib, toWib, weekdayOf, wibToInstant } from "../../../src/domain/time/wib";

const instants = [
  "2026-03-08T06:59:00Z", // New York switches to DST at 07:00Z that day
  "2026-03-08T07:00:00Z",
  "2026-11-01T05:30:00Z", // New York leaves DST
  "2026-12-31T16:59:59Z", // 23:59:59 WIB on New Year's Eve
  "2026-12-31T17:00:00Z", // 00:00 WIB on 1 January 2027
  "2028-02-28T17:30:00Z", // leap day in WIB
];
const out = {
  tz: process.env.TZ,
  localOffset: new Date("2026-07-01T00:00:00Z").getTimezoneOffset(),
  toWib: instants.map((i) => toWib(new Date(i))),
  today: instants.map((i) => todayWib(new Date(i))),
  toInstant: [["2026-03-08", "01:30"], ["2026-11-01", "08:00"], ["2027-01-01", "00:00"], ["2028-02-29", "23:59"]]
    .map(([d, t]) => wibToInstant(d!, t!).toISOString()),
  weekday: ["2026-03-08", "2026-11-01", "2027-01-01", "2028-02-29"].map((d) => weekdayOf(d)),
  addDays: [addDays("2026-12-30", 3), addDays("2028-02-28", 1), addDays("2026-03-01", -1)],
  daysBetween: daysBetween("2026-03-01", "2026-11-01"),
};
process.stdout.write(JSON.stringify(out));
