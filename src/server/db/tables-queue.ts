// The queue's tables (migration 20, migration-queue.ts). Dates are WIB calendar days "YYYY-MM-DD",
// slot times WIB wall clock "HH:MM", instants ISO-8601 UTC text written by the server.
import type { Generated } from "kysely";

export type TicketKind = "booking" | "walk_in";
export type TicketStatus = "waiting" | "called" | "served" | "no_show" | "cancelled";
export type CallAction = "call" | "recall" | "served" | "no_show" | "transfer";

export interface QueueSettingsTable {
  agency_id: string;
  daily_quota: number;
  slot_minutes: number;
  /** The counter group's letter of the queue numbers; null: the first counter's letter. */
  letter: string | null;
  /** JSON WeeklyHours (Sunday first); null: the MPP's hours (regions.mpp_hours). */
  hours: string | null;
  /** Walk-in numbers per day; null: no limit. */
  walk_in_quota: number | null;
  updated_at: string;
  updated_by: string;
}

export interface QueueRegionDaysTable {
  region_code: string;
  date: string;
  /** closed: the MPP is closed although the national calendar says open; open: the reverse (not on a libur nasional). */
  kind: "closed" | "open";
  reason_id: string;
  reason_en: string;
  updated_at: string;
  updated_by: string;
}

export interface QueueDaysTable {
  agency_id: string;
  date: string;
  last_seq: number;
}

export interface QueueTicketsTable {
  id: Generated<number>;
  kind: TicketKind;
  /** Booking code (8 characters of CODE_ALPHABET); null for walk-in numbers. */
  code: string | null;
  region_code: string;
  agency_id: string;
  service_id: string | null;
  date: string;
  slot_start: string | null;
  slot_end: string | null;
  seq: number;
  /** "B-014". */
  number: string;
  status: TicketStatus;
  /** Optional, given by the citizen; deleted with the row. */
  name: string | null;
  phone: string | null;
  /** HMAC of the normalised phone and of the client address, for the per-phone and per-address caps. */
  phone_key: string | null;
  address_key: string | null;
  /** When a counter may call it: a walk-in at once, a booking at its slot's start. */
  ready_at: string;
  created_at: string;
  called_at: string | null;
  counter_id: string | null;
  call_count: Generated<number>;
  /** Set by a transfer: only this counter calls it next. */
  target_counter_id: string | null;
  finished_at: string | null;
}

export interface QueueCallsTable {
  id: Generated<number>;
  region_code: string;
  agency_id: string;
  counter_id: string;
  ticket_id: number;
  number: string;
  action: CallAction;
  to_counter_id: string | null;
  date: string;
  at: string;
  officer: string;
}

export interface QueueBoardsTable {
  region_code: string;
  version: number;
}

export interface QueueHoldersTable {
  key: string;
  touched_at: string;
}

export interface QueueTables {
  queue_settings: QueueSettingsTable;
  queue_region_days: QueueRegionDaysTable;
  queue_days: QueueDaysTable;
  queue_tickets: QueueTicketsTable;
  queue_calls: QueueCallsTable;
  queue_boards: QueueBoardsTable;
  queue_holders: QueueHoldersTable;
}
