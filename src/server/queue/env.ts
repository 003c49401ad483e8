// The queue's settings from the environment (main.ts):
//   QUEUE_RETENTION_DAYS           days after its date a booking or ticket is deleted (default 30)
//   QUEUE_MAX_ACTIVE_PER_PHONE     active bookings per phone number (default 3; 0 switches the cap off)
//   QUEUE_MAX_ACTIVE_PER_ADDRESS   active bookings per client address (default 3; 0 off)
//   QUEUE_KIOSK_ADDRESSES          comma-separated addresses without the address cap (lobby kiosks)
// A bad value stops the start with a message naming the variable.
import { isIP } from "node:net";
import type { QueueOptions } from "./index";
import { retentionDaysFromEnv } from "./retention";

function cap(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new RangeError(`${name} must be a whole number from 0 to 100, got ${JSON.stringify(raw)}`);
  return n;
}

export function queueOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueOptions {
  const kiosks = (env.QUEUE_KIOSK_ADDRESSES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const a of kiosks) if (!isIP(a)) throw new RangeError(`QUEUE_KIOSK_ADDRESSES: ${JSON.stringify(a)} is not an IP address`);
  const perPhone = cap(env, "QUEUE_MAX_ACTIVE_PER_PHONE");
  const perAddress = cap(env, "QUEUE_MAX_ACTIVE_PER_ADDRESS");
  return {
    retentionDays: retentionDaysFromEnv(env.QUEUE_RETENTION_DAYS),
    caps: { ...(perPhone !== undefined ? { perPhone } : {}), ...(perAddress !== undefined ? { perAddress } : {}), exemptAddresses: kiosks },
  };
}
