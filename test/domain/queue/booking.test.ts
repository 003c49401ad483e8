import assert from "node:assert/strict";
import fc from "fast-check";
import { createCalendar } from "../../../src/domain/calendar/calendar";
import { loadHolidayFiles } from "../../../src/domain/calendar/load";
import { bookingWindow, checkBooking, checkWalkIn, planDay, QUEUE_ERROR_CODES, type QueueContext } from "../../../src/domain/queue/booking";
import { EXAMPLE_WEEKLY_HOURS } from "../../../src/domain/queue/hours";
import { addDays, wibToInstant } from "../../../src/domain/time/wib";

const calendar = createCalendar({
  holidays: loadHolidayFiles("data/calendar"),
  regionClosed: [{ date: "2026-03-05", reason: { id: "Hari Jadi Kabupaten", en: "Regency anniversary" } }],
});
// Monday 2 March 2026, 09:10 WIB.
const now = wibToInstant("2026-03-02", "09:10");
const ctx = (over: Partial<QueueContext> = {}): QueueContext => ({
  now, calendar, hours: EXAMPLE_WEEKLY_HOURS, policy: { dailyQuota: 24 }, ...over,
});

describe("domain/queue/booking", () => {
  it("opens today up to 7 days ahead, by WIB date even late in the UTC day", () => {
    assert.deepEqual(bookingWindow(now), { from: "2026-03-02", to: "2026-03-09" }, "Monday to next Monday");
    assert.deepEqual(bookingWindow(new Date("2026-03-01T17:30:00Z")), { from: "2026-03-02", to: "2026-03-09" }, "00:30 WIB is already Monday");
  });

  it("plans a day: capacities from the quota, today's early slots closed, booked places taken", () => {
    const plan = planDay("2026-03-02", ctx(), { "10:00": 2, "13:00": 5 });
    assert.equal(plan.open, true, "Monday is open");
    assert.equal(plan.slots.length, 12, "12 slots");
    assert.deepEqual(plan.slots.map((s) => s.capacity), [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], "24 over 12 slots");
    const at = (t: string) => plan.slots.find((s) => s.start === t)!;
    assert.equal(at("09:00").reason, "past_date", "09:00 has started at 09:10");
    assert.equal(at("09:30").reason, "outside_window", "09:30 is within the 30-minute cut-off");
    assert.equal(at("09:30").remaining, 2, "a closed slot still shows its places");
    assert.equal(at("10:00").reason, "slot_full", "10:00 has both places booked");
    assert.equal(at("10:30").bookable, true, "10:30 can be booked");
    assert.equal(at("13:00").remaining, 0, "overbooked data never shows a negative count");
  });

  it("accepts a good booking and refuses each rule with its code, status and message", () => {
    const ok = checkBooking("2026-03-03", "08:30", ctx());
    assert.deepEqual(ok, { ok: true, slot: { start: "08:30", end: "09:00", startMinutes: 510, endMinutes: 540 }, capacity: 2, remaining: 2 }, "Tuesday 08:30");
    const cases: Array<[unknown, unknown, Record<string, number>, string, number, RegExp]> = [
      ["2026-3-3", "08:30", {}, "invalid_date", 400, /TTTT-BB-HH/],
      ["2026-03-03", "8:30", {}, "invalid_slot", 400, /JJ:MM/],
      ["2026-03-01", "08:30", {}, "past_date", 400, /sudah lewat/],
      ["2026-03-02", "09:00", {}, "past_date", 400, /Slot 09:00 pada 2026-03-02 sudah lewat/],
      ["2026-03-02", "09:30", {}, "outside_window", 400, /ditutup \(30 menit sebelum mulai\)/],
      ["2026-03-10", "08:30", {}, "outside_window", 400, /paling jauh 7 hari ke depan, sampai 2026-03-09/],
      ["2026-03-07", "08:30", {}, "closed_day", 400, /Akhir pekan/],
      ["2026-03-05", "08:30", {}, "closed_day", 400, /Hari Jadi Kabupaten/],
      ["2026-03-03", "12:00", {}, "outside_hours", 400, /12:00 bukan slot layanan.*08:00 sampai 14:30/],
      ["2026-03-03", "08:15", {}, "outside_hours", 400, /08:15 bukan slot layanan/],
      ["2026-03-03", "08:30", { "08:30": 2 }, "slot_full", 409, /sudah penuh/],
    ];
    for (const [date, slot, booked, code, status, message] of cases) {
      const r = checkBooking(date, slot, ctx(), booked);
      assert.equal(r.ok, false, `${String(date)} ${String(slot)} is refused`);
      if (r.ok) continue;
      assert.equal(r.code, code, `${String(date)} ${String(slot)}: code`);
      assert.equal(r.status, status, `${code}: status`);
      assert.match(r.message.id, message, `${code}: Indonesian message`);
      assert.ok(r.message.en.length > 10 && r.message.en !== r.message.id, `${code}: an English message too`);
    }
  });

  it("closes national holidays, joint leave, weekdays without hours, agencies without hours and unknown years", () => {
    const holidayCtx = ctx({ now: wibToInstant("2026-03-16", "08:00") });
    const closed = (date: string, c = holidayCtx) => { const r = checkBooking(date, "08:30", c); return r.ok ? null : r.message.en; };
    assert.match(closed("2026-03-19")!, /Nyepi/, "Nyepi");
    assert.match(closed("2026-03-23")!, /Joint leave: Eid al-Fitr/, "Idulfitri joint leave");
    const noFriday = [...EXAMPLE_WEEKLY_HOURS]; noFriday[5] = [];
    assert.match(closed("2026-03-06", ctx({ hours: noFriday }))!, /not open on Fridays/, "an agency closed on Fridays");
    assert.match(closed("2026-03-03", ctx({ hours: null }))!, /opening hours not entered/, "no hours, no booking");
    const lateDecember = ctx({ now: wibToInstant("2027-12-29", "08:00") });
    assert.match(closed("2028-01-03", lateDecember)!, /2028 holiday calendar is not loaded/, "no booking in a year without holiday data");
  });

  it("gives walk-in numbers only while the counters are open on a working day", () => {
    assert.deepEqual(checkWalkIn(ctx()), { ok: true, date: "2026-03-02" }, "Monday 09:10");
    const lunch = checkWalkIn(ctx({ now: wibToInstant("2026-03-02", "12:15") }));
    assert.equal(lunch.ok, false, "not in the lunch break");
    if (!lunch.ok) assert.match(lunch.message.id, /Jam layanan hari ini: 08:00-12:00, 13:00-15:00/, "the message gives today's hours");
    const sunday = checkWalkIn(ctx({ now: wibToInstant("2026-03-08", "09:00") }));
    assert.equal(!sunday.ok && sunday.code, "closed_day", "not on Sunday");
  });

  it("never offers a slot that checkBooking refuses, nor refuses one it offers", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: -2, max: 10 }),
      fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3 }),
      (dayOffset, minute, ahead, quota, bookedEach) => {
        const today = addDays("2026-01-01", dayOffset);
        const c = ctx({ now: wibToInstant(today, minute), policy: { dailyQuota: quota } });
        const date = addDays(today, ahead);
        const booked: Record<string, number> = {};
        const plan = planDay(date, c);
        for (const s of plan.slots) booked[s.start] = bookedEach;
        for (const s of planDay(date, c, booked).slots) {
          const r = checkBooking(date, s.start, c, booked);
          assert.equal(r.ok, s.bookable, `${date} ${s.start}: plan and check agree`);
          if (!r.ok) {
            assert.equal(r.code, s.reason, "with the same reason");
            assert.ok((QUEUE_ERROR_CODES as readonly string[]).includes(r.code), "a known code");
          }
        }
      },
    ), { numRuns: 300 });
  });
});
