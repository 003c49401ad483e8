// What every part of the feedback feature is given: the database, its settings, the working-day
// calendar the clocks count on, and the clock (tests move it).
import type { Calendar } from "../../domain/calendar/calendar";
import type { Db } from "../db/open";
import type { FeedbackSettings } from "./settings";

export interface FeedbackContext {
  db: Db;
  settings: FeedbackSettings;
  calendar: Calendar;
  now: () => number;
}
