import assert from "node:assert/strict";
import { createCalendar } from "../../../src/domain/calendar/calendar";
import { loadHolidayFiles } from "../../../src/domain/calendar/load";
import { compareUrgency, ticketDeadlines, ticketUrgency } from "../../../src/domain/feedback/deadlines";
import { wibToInstant } from "../../../src/domain/time/wib";

const calendar = createCalendar({ holidays: loadHolidayFiles("data/calendar") });
const at = (date: string, time = "10:00") => wibToInstant(date, time);

describe("domain/feedback/deadlines", () => {
  it("counts the SP4N-LAPOR! clocks in working days over Nyepi, Idulfitri and Good Friday 2026", () => {
    // Received Tuesday 17 March 2026. Off: 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti Idulfitri), 21-22
    // (Idulfitri, weekend), 23-24 (cuti Idulfitri). Forward within 3 working days: 25, 26, 27 March.
    // Act within 5 after that: 30, 31 March, 1, 2 April, (3 April Good Friday, 4-5 weekend) 6 April.
    const d = ticketDeadlines({ receivedAt: at("2026-03-17") }, calendar);
    assert.deepEqual(d, { forwardBy: "2026-03-27", actBy: "2026-04-06", actByEstimated: true }, "deadlines over the holidays");
    const forwarded = ticketDeadlines({ receivedAt: at("2026-03-17"), forwardedAt: at("2026-03-25") }, calendar);
    assert.deepEqual(forwarded, { forwardBy: "2026-03-27", actBy: "2026-04-01", actByEstimated: false }, "act clock from the real forwarding day");
  });

  it("uses the WIB date of receipt, also for a complaint sent at 23:30 WIB (16:30 UTC)", () => {
    const d = ticketDeadlines({ receivedAt: new Date("2026-08-14T16:30:00Z") }, calendar);
    // Friday 14 August 23:30 WIB; 15-16 weekend, 17 Proklamasi: 18, 19, 20 August.
    assert.equal(d.forwardBy, "2026-08-20", "counted from Friday 14 August, not Saturday");
  });

  it("says which clock runs, how long is left and how late a ticket is", () => {
    const t = { receivedAt: at("2026-03-17") };
    assert.deepEqual(ticketUrgency(t, at("2026-03-25"), calendar), {
      stage: "forward", dueDate: "2026-03-27", overdue: false, workingDaysLate: 0, workingDaysLeft: 2,
    }, "two working days left on 25 March");
    assert.equal(ticketUrgency(t, at("2026-03-27", "23:59"), calendar).overdue, false, "due until the end of the due day");
    assert.deepEqual(ticketUrgency(t, at("2026-04-01"), calendar), {
      stage: "forward", dueDate: "2026-03-27", overdue: true, workingDaysLate: 3, workingDaysLeft: 0,
    }, "not forwarded by 1 April: 3 working days late");
    const u = ticketUrgency({ ...t, forwardedAt: at("2026-03-26") }, at("2026-04-01"), calendar);
    assert.deepEqual([u.stage, u.dueDate, u.overdue], ["act", "2026-04-02", false], "forwarded in time: the act clock runs");
    assert.equal(ticketUrgency({ ...t, forwardedAt: at("2026-03-26"), actedAt: at("2026-03-30") }, at("2026-05-01"), calendar).stage, null, "acted on: no clock");
  });

  it("sorts an inbox by what is most overdue, then by due date, finished tickets last", () => {
    const now = at("2026-04-10");
    const tickets = {
      done: ticketUrgency({ receivedAt: at("2026-01-05"), forwardedAt: at("2026-01-05"), actedAt: at("2026-01-06") }, now, calendar),
      veryLate: ticketUrgency({ receivedAt: at("2026-03-02") }, now, calendar),
      late: ticketUrgency({ receivedAt: at("2026-04-01") }, now, calendar),
      dueSoon: ticketUrgency({ receivedAt: at("2026-04-08") }, now, calendar),
      dueLater: ticketUrgency({ receivedAt: at("2026-04-10") }, now, calendar),
    };
    const order = Object.entries(tickets).sort(([, a], [, b]) => compareUrgency(a, b)).map(([k]) => k);
    assert.deepEqual(order, ["veryLate", "late", "dueSoon", "dueLater", "done"], "inbox order");
  });
});
