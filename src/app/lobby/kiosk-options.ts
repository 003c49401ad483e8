// The lobby's URL: /?mode=kiosk&home=3273&idle=90 (set up as ?mode=kiosk&region=3273 works too)
//   home    the lobby's own MPP, entered on the first touch (none: the plaza's spawn point)
//   idle    seconds without a touch before the "still there?" warning (default 90, 2..3600)
//   site    the public origin printed in a walk-in ticket's QR code (default: the kiosk's own,
//           which a phone cannot reach when the kiosk runs on localhost), e.g. https://mpp.example.go.id
// The base URL is what the kiosk returns to between visitors: only these parameters and the
// test ones (automation, sw) and the render scale of a weak PC are kept; region, service and lang belong to the previous visitor.
// The lobby's own region is `home`, never `region`: the app writes the visitor's place into
// `region` as they walk, so a reload in the middle of a visit (a crash, a service worker update,
// a power cut) must not make the visitor's last building the lobby's home (issue 20 point 3).
import { isRegionCode } from "../../domain/ids";

export const DEFAULT_IDLE_SECONDS = 90;
const MIN_IDLE_SECONDS = 2;
const MAX_IDLE_SECONDS = 3600;

const KEPT = ["mode", "home", "idle", "site", "automation", "sw", "renderscale"] as const;

export interface KioskOptions {
  region: string | null;
  idleMs: number;
  /** Path and query of the kiosk's resting URL, e.g. "/?mode=kiosk&region=3273". */
  baseUrl: string;
}

/** Idle seconds from the URL; anything malformed or out of range falls back to the default. */
export function parseIdleSeconds(value: string | null): number {
  if (value === null || !/^\d{1,5}$/.test(value)) return DEFAULT_IDLE_SECONDS;
  const n = Number(value);
  return n >= MIN_IDLE_SECONDS && n <= MAX_IDLE_SECONDS ? n : DEFAULT_IDLE_SECONDS;
}

export function parseKioskOptions(url: URL): KioskOptions {
  if (!(url instanceof URL)) throw new TypeError("parseKioskOptions: expected a URL");
  const p = url.searchParams;
  // `home` once the kiosk has rested at its base URL; `region` only in the URL it was set up with.
  const home = p.get("home");
  const region = home !== null ? (isRegionCode(home) ? home : null) : isRegionCode(p.get("region")) ? p.get("region") : null;
  const base = new URLSearchParams();
  base.set("mode", "kiosk");
  for (const k of KEPT) {
    const v = k === "home" ? region : p.get(k);
    if (k === "mode" || v === null) continue;
    base.set(k, v);
  }
  return { region, idleMs: parseIdleSeconds(p.get("idle")) * 1000, baseUrl: `${url.pathname}?${base.toString()}` };
}
