// The queue's error codes (merged into the server's ERRORS table) and their messages in both
// languages. Every refusal a citizen can meet is a JSON error { error: { code, message } } whose
// message is in the visitor's language: the body's `lang`, else `?lang=`, else Accept-Language,
// else Indonesian. The domain's own refusals (domain/queue/booking.ts) bring their two messages.
import type { FastifyRequest } from "fastify";
import type { Bilingual } from "../../domain/queue/booking";
import type { Lang } from "../../domain/queue/shapes";

export const QUEUE_ERRORS = {
  invalid_date: { status: 400, message: "Invalid date. Use YYYY-MM-DD." },
  invalid_slot: { status: 400, message: "Invalid time. Use HH:MM." },
  past_date: { status: 400, message: "This date or slot has already passed." },
  closed_day: { status: 400, message: "The MPP does not serve on this day." },
  outside_hours: { status: 400, message: "Outside the opening hours." },
  outside_window: { status: 400, message: "Outside the booking window." },
  slot_full: { status: 409, message: "This slot is full." },
  no_physical_mpp: { status: 400, message: "This kabupaten/kota has no MPP building to queue at." },
  agency_not_found: { status: 404, message: "No agency with this id." },
  booking_not_found: { status: 404, message: "No booking with this code." },
  booking_not_active: { status: 409, message: "This booking can no longer be changed." },
  too_many_bookings: { status: 409, message: "Too many active bookings." },
  walk_in_full: { status: 409, message: "No more queue numbers today." },
  counter_not_found: { status: 404, message: "No counter with this id." },
  counter_moved: { status: 409, message: "The counter has moved on since the page was loaded." },
  no_current_ticket: { status: 409, message: "No number is being served at this counter." },
  queue_empty: { status: 409, message: "Nobody is waiting." },
  letter_taken: { status: 409, message: "Another agency of this MPP uses this letter." },
  queue_rate_limited: { status: 429, message: "Too many queue requests from this address." },
} as const;
export type QueueErrorName = keyof typeof QUEUE_ERRORS;

/** The visitor's language: body.lang, ?lang=, then the first of id/en in Accept-Language; default id. */
export function requestLang(req: FastifyRequest): Lang {
  const body = req.body as { lang?: unknown } | null | undefined;
  const fromBody = body && typeof body === "object" ? body.lang : undefined;
  if (fromBody === "id" || fromBody === "en") return fromBody;
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  if (q === "id" || q === "en") return q;
  return acceptLanguage(req.headers["accept-language"]);
}

/** The preferred of id and en in an Accept-Language header (q-values honoured); id when neither. */
export function acceptLanguage(header: string | string[] | undefined): Lang {
  const text = Array.isArray(header) ? header.join(",") : header ?? "";
  let best: { lang: Lang; q: number } | null = null;
  for (const part of text.split(",").slice(0, 20)) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const base = tag.split("-")[0];
    const lang: Lang | null = base === "id" || base === "in" ? "id" : base === "en" ? "en" : null;
    if (!lang) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qp ? Number(qp.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    // Equal q: the earlier tag wins (strict comparison).
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? "id";
}

/** Messages of the queue's own refusals (the domain's come with theirs). */
export function queueMessage(code: QueueErrorName, p: { max?: number; number?: string; status?: string; retry?: number } = {}): Bilingual {
  switch (code) {
    case "no_physical_mpp":
      return {
        id: "Kabupaten/kota ini belum memiliki gedung MPP, jadi belum ada antrean. Silakan ajukan pertanyaan lewat meja konsultasi online.",
        en: "This kabupaten/kota has no MPP building yet, so there is no queue. Please ask the online consultation desk instead.",
      };
    case "agency_not_found":
      return { id: "Instansi tidak ditemukan di MPP ini.", en: "No such agency in this MPP." };
    case "booking_not_found":
      return { id: "Kode booking tidak ditemukan. Periksa lagi kodenya (8 huruf/angka).", en: "No booking with this code. Check the code (8 letters/digits)." };
    case "booking_not_active":
      return {
        id: `Booking ini tidak bisa dibatalkan lagi (status: ${statusWord(p.status, "id")}).`,
        en: `This booking can no longer be cancelled (status: ${statusWord(p.status, "en")}).`,
      };
    case "too_many_bookings":
      return {
        id: `Sudah ada ${p.max ?? 3} booking aktif dari nomor HP atau perangkat/jaringan ini. Batalkan salah satu atau datang langsung ke MPP.`,
        en: `There are already ${p.max ?? 3} active bookings from this phone number or device/network. Cancel one or come to the MPP in person.`,
      };
    case "walk_in_full":
      return { id: "Kuota nomor antrean hari ini untuk instansi ini sudah habis.", en: "Today's queue numbers for this agency have run out." };
    case "counter_not_found":
      return { id: "Loket tidak ditemukan.", en: "No such counter." };
    case "counter_moved":
      return {
        id: `Loket ini sudah berubah (sekarang: ${p.number ?? "tidak ada nomor"}). Halaman diperbarui; periksa lalu ulangi.`,
        en: `This counter has moved on (now: ${p.number ?? "no number"}). The page is refreshed; check and try again.`,
      };
    case "no_current_ticket":
      return { id: "Belum ada nomor yang sedang dilayani di loket ini.", en: "No number is being served at this counter." };
    case "queue_empty":
      return { id: "Tidak ada antrean yang menunggu saat ini.", en: "Nobody is waiting right now." };
    case "letter_taken":
      return { id: "Huruf ini sudah dipakai instansi lain di MPP ini.", en: "Another agency of this MPP already uses this letter." };
    case "queue_rate_limited":
      return {
        id: `Terlalu banyak permintaan antrean dari alamat ini. Coba lagi dalam ${p.retry ?? 60} detik.`,
        en: `Too many queue requests from this address. Try again in ${p.retry ?? 60} seconds.`,
      };
    default:
      return { id: QUEUE_ERRORS[code].message, en: QUEUE_ERRORS[code].message };
  }
}

function statusWord(status: string | undefined, lang: Lang): string {
  const words: Record<string, Bilingual> = {
    cancelled: { id: "sudah dibatalkan", en: "already cancelled" },
    called: { id: "sudah dipanggil", en: "already called" },
    served: { id: "sudah dilayani", en: "already served" },
    no_show: { id: "tidak hadir saat dipanggil", en: "not present when called" },
  };
  return words[status ?? ""]?.[lang] ?? status ?? "-";
}

/** Field names in validation messages, in both languages. */
const FIELDS: Record<string, Bilingual> = {
  agencyId: { id: "instansi (agencyId)", en: "agency (agencyId)" },
  serviceId: { id: "layanan (serviceId)", en: "service (serviceId)" },
  date: { id: "tanggal (date)", en: "date" },
  slot: { id: "jam (slot)", en: "slot" },
  name: { id: "nama (name)", en: "name" },
  phone: { id: "nomor HP (phone)", en: "phone" },
  code: { id: "kode booking", en: "booking code" },
  lang: { id: "bahasa (lang)", en: "language (lang)" },
};

/** A localized message for a schema validation failure of a queue route. */
export function validationMessage(field: string, keyword: string | undefined): Bilingual {
  const f = FIELDS[field] ?? { id: field || "permintaan", en: field || "request" };
  if (keyword === "required") return { id: `Isian ${f.id} wajib diisi.`, en: `The ${f.en} field is required.` };
  if (keyword === "additionalProperties") return { id: "Permintaan berisi isian yang tidak dikenal.", en: "The request has a field that is not known." };
  return { id: `Isian ${f.id} tidak valid.`, en: `The ${f.en} field is not valid.` };
}

/** A refusal with both messages; the queue routes' error handler answers it in the visitor's language. */
export class QueueFailure extends Error {
  /** Seconds for Retry-After (rate limits). */
  retryAfter?: number;
  constructor(readonly code: QueueErrorName | "invalid_parameter" | "service_not_found" | "region_not_found", readonly messages: Bilingual) {
    super(messages.en);
    this.name = "QueueFailure";
  }
}

/** Throws the domain's refusal (domain/queue/booking.ts) as a QueueFailure. */
export function fail(refusal: { code: QueueErrorName; message: Bilingual }): never {
  throw new QueueFailure(refusal.code, refusal.message);
}
