// The kiosk a guide opens for everyone (issue 16, point 3). The room state carries only ids
// ({ region, agency, service }); every client renders the kiosk itself from them, in its own
// language and in its own view (a visitor: ahead of them; the spectator screen: ahead of the guide).
// The guide shares the kiosk open on their own screen. No DOM.
import type { KioskRef } from "../../domain/presence";
import type { KioskController } from "../kiosk/kiosk-controller";
import type { PanelPose } from "../kiosk/kiosk-geometry";
import type { KioskHost } from "../kiosk/kiosk-host";
import type { KioskScreen } from "../kiosk/screens/registry";
import type { PresenceClient } from "./presence-client";
import { createListeners } from "./listeners";

/** The screens that show a shared kiosk: the agency's services, then the service if one was named. */
export function screensOf(ref: KioskRef): KioskScreen[] {
  const screens: KioskScreen[] = [{ kind: "services", regionCode: ref.region, agencyId: `${ref.region}-${ref.agency}` }];
  if (ref.service) screens.push({ kind: "service", serviceId: ref.service });
  return screens;
}

/**
 * What a guide's open kiosk names, as ids: the agency from its services screen (agency ids are
 * `region-slug`), the service from the topmost service screen (its agency looked up when the stack
 * has no services screen). Null for kiosks that are no agency's (the directory, the help desk).
 */
export async function refOf(stack: readonly KioskScreen[], agencyOfService: (serviceId: string) => Promise<string>): Promise<KioskRef | null> {
  let agencyId: string | null = null;
  let service: string | null = null;
  for (const s of stack) {
    if (s.kind === "services") {
      agencyId = s.agencyId;
      service = null;
    } else if (s.kind === "service") service = s.serviceId;
  }
  if (service && !agencyId) agencyId = await agencyOfService(service);
  if (!agencyId) return null;
  const m = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(agencyId);
  if (!m) return null;
  return { region: m[1]!, agency: m[2]!, service: service && service.startsWith(`${m[1]}-`) ? service : null };
}

export const sameRef = (a: KioskRef | null, b: KioskRef | null): boolean =>
  a === b || (a !== null && b !== null && a.region === b.region && a.agency === b.agency && a.service === b.service);

export interface SharedKioskDeps {
  client: Pick<PresenceClient, "state" | "you" | "status" | "on" | "send">;
  kiosks: Pick<KioskHost, "open" | "close" | "current"> & Partial<Pick<KioskHost, "onChange">>;
  /** Where the shared kiosk opens for this viewer now. */
  poseFor(): PanelPose;
  /** The agency id of a service (the API), for a guide's kiosk opened straight on a service. */
  agencyOfService(serviceId: string): Promise<string>;
}

export type SharedKioskEvent = { kind: "opened"; ref: KioskRef } | { kind: "closed" };

export interface SharedKiosk {
  /** The kiosk the guide opened for everyone in this room, or null. */
  readonly ref: KioskRef | null;
  /** The controller of the shared kiosk while it is open here (the viewer may have closed it). */
  readonly controller: KioskController | null;
  /** Guide: shares the kiosk open here (else the last one open); false when none or it is no agency's. */
  share(): Promise<boolean>;
  /** Guide: closes the shared kiosk for everyone. */
  unshare(): void;
  onEvent(listener: (e: SharedKioskEvent) => void): () => void;
  dispose(): void;
}

export function createSharedKiosk(deps: SharedKioskDeps): SharedKiosk {
  const { client, kiosks } = deps;
  const listeners = createListeners<SharedKioskEvent>();
  let ref: KioskRef | null = null;
  let opened: KioskController | null = null;
  // The last kiosk open here: the VR menu closes a kiosk as it opens, before the guide picks "share".
  let lastStack: readonly KioskScreen[] | null = null;
  const offKiosk = kiosks.onChange?.((c) => {
    if (c) lastStack = c.stack;
  });

  const tell = (e: SharedKioskEvent) => {
    listeners.tell(e);
  };

  function apply(next: KioskRef | null, by: string | null): void {
    if (sameRef(next, ref)) return;
    ref = next;
    const mine = client.you !== null && by === client.you.id;
    if (next === null) {
      if (opened && kiosks.current === opened) kiosks.close();
      opened = null;
      tell({ kind: "closed" });
      return;
    }
    // The guide who shared it already has it open where they stand.
    if (!mine) opened = kiosks.open(screensOf(next), deps.poseFor());
    else opened = kiosks.current;
    tell({ kind: "opened", ref: next });
  }

  const off = client.on((e) => {
    if (e.kind === "status" && e.status !== "joined") {
      // Left the room (or lost it): its shared kiosk is no longer ours to show.
      if (ref !== null) apply(null, null);
      return;
    }
    if (e.kind !== "message") return;
    const m = e.message;
    if (m.t === "welcome") apply(m.state.kiosk, null);
    else if (m.t === "state") apply(m.state.kiosk, m.by);
  });

  return {
    get ref() {
      return ref;
    },
    get controller() {
      return opened && kiosks.current === opened ? opened : null;
    },
    async share() {
      const stack = kiosks.current?.stack ?? lastStack;
      if (!stack) return false;
      const r = await refOf(stack, deps.agencyOfService).catch(() => null);
      if (!r) return false;
      const m = r.service ? { t: "open_kiosk" as const, region: r.region, agency: r.agency, service: r.service } : { t: "open_kiosk" as const, region: r.region, agency: r.agency };
      return client.send(m);
    },
    unshare() {
      client.send({ t: "close_kiosk" });
    },
    onEvent: listeners.add,
    dispose() {
      off();
      offKiosk?.();
      listeners.clear();
      opened = null;
    },
  };
}
