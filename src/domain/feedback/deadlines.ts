// Working-day clocks of a ticket, after SP4N-LAPOR!'s handling rules as issue 15 states them: a
// complaint or question is forwarded to the unit that must handle it within 3 working days of
// receipt, and acted on within 5 working days of reaching that unit.
//
//   stage "forward": from receivedAt until forwardedAt (an officer takes it up, forwards it to
//                    another agency, or answers it directly);
//   stage "act":     from forwardedAt until actedAt (answered or closed).
// Day 0 is the WIB date the stage starts; a deadline is the end (23:59 WIB) of the N-th working day
// after it, counted with the region's calendar (weekends, holidays, joint leave, region closures).
// Before forwarding, the act deadline is estimated from the forward deadline (the latest it can start).
import type { Calendar } from "../calendar/calendar";
import { compareDates, toWib, type IsoDate } from "../time/wib";

export interface TicketClockRules {
  forwardWorkingDays: number;
  actWorkingDays: number;
}

export const SP4N_LAPOR_RULES: Readonly<TicketClockRules> = Object.freeze({ forwardWorkingDays: 3, actWorkingDays: 5 });

export interface TicketTimes {
  receivedAt: Date;
  forwardedAt?: Date | null;
  actedAt?: Date | null;
}

export interface TicketDeadlines {
  forwardBy: IsoDate;
  /** From the actual forwarding date once forwarded, else estimated from forwardBy. */
  actBy: IsoDate;
  actByEstimated: boolean;
}

export interface TicketUrgency {
  /** The stage still running, or null when acted on. */
  stage: "forward" | "act" | null;
  dueDate: IsoDate | null;
  overdue: boolean;
  /** Working days past the due date (0 when not overdue, and on a weekend right after it). */
  workingDaysLate: number;
  /** Working days left before the due date is over (0 on the due date itself; 0 when overdue). */
  workingDaysLeft: number;
}

export function ticketDeadlines(t: TicketTimes, calendar: Calendar, rules: TicketClockRules = SP4N_LAPOR_RULES): TicketDeadlines {
  const received = toWib(t.receivedAt).date;
  const forwardBy = calendar.addWorkingDays(received, rules.forwardWorkingDays);
  const actStart = t.forwardedAt ? toWib(t.forwardedAt).date : forwardBy;
  return { forwardBy, actBy: calendar.addWorkingDays(actStart, rules.actWorkingDays), actByEstimated: !t.forwardedAt };
}

/** Where a ticket stands at `now`: which clock runs, when it is due and whether it is overdue. */
export function ticketUrgency(t: TicketTimes, now: Date, calendar: Calendar, rules: TicketClockRules = SP4N_LAPOR_RULES): TicketUrgency {
  if (t.actedAt) return { stage: null, dueDate: null, overdue: false, workingDaysLate: 0, workingDaysLeft: 0 };
  const d = ticketDeadlines(t, calendar, rules);
  const stage = t.forwardedAt ? "act" : "forward";
  const dueDate = stage === "act" ? d.actBy : d.forwardBy;
  const today = toWib(now).date;
  const overdue = compareDates(today, dueDate) > 0;
  return {
    stage,
    dueDate,
    overdue,
    workingDaysLate: overdue ? calendar.workingDaysBetween(dueDate, today) : 0,
    workingDaysLeft: overdue ? 0 : calendar.workingDaysBetween(today, dueDate),
  };
}

/** Inbox order: overdue first (most late first), then by due date, acted-on tickets last. */
export function compareUrgency(a: TicketUrgency, b: TicketUrgency): number {
  if (a.stage === null || b.stage === null) return (a.stage === null ? 1 : 0) - (b.stage === null ? 1 : 0);
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && a.workingDaysLate !== b.workingDaysLate) return b.workingDaysLate - a.workingDaysLate;
  return compareDates(a.dueDate!, b.dueDate!);
}
