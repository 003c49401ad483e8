// The ways a kiosk opens: at a counter (a visitor points at it), in front of the visitor (a region
// chosen from the directory), or for one service (a deep link or a search result: walk into the
// building, stand at the agency's counter, open the service there).
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Service } from "../../domain/types";
import type { Places } from "../places/places";
import type { ViewerSlot } from "../viewer/viewer";
import type { CounterKiosk } from "../world/interior";
import type { KioskController } from "./kiosk-controller";
import type { KioskHost } from "./kiosk-host";
import type { KioskScreen } from "./screens/registry";
import { counterPanelPose, panelAheadPose, standingSpot, STAND_OFF_KIOSK_M, STAND_OFF_KIOSK_MIN_M } from "./kiosk-geometry";

export interface KioskVisitsDeps {
  api: { service(id: string): Promise<Service> };
  places: Places;
  viewer: ViewerSlot;
  kiosks: KioskHost;
  /** Height of the floor under a point near the given foot height (the walking viewer's). */
  floorBelow(x: number, footY: number, z: number): number | null;
  /** Loading the service failed (API down). */
  onError(error: unknown): void;
}

export interface KioskVisits {
  /** Opens a counter's kiosk (its agency's services; `extra` screens above them). */
  openCounter(k: CounterKiosk, extra?: readonly KioskScreen[]): KioskController;
  /** Opens the queue's screens (agency, day, slot, booking) at the hall's ticket machine; null when there is none. */
  openQueueMachine(): KioskController | null;
  /** Opens screens on a panel 1.3 m ahead of the visitor. */
  openAhead(screens: readonly KioskScreen[]): KioskController;
  /** Enters the region's building and opens its agency list in front of the visitor. */
  openRegion(code: string): Promise<boolean>;
  /** Enters the service's building, stands at its agency's counter and opens the service. */
  openService(serviceId: string): Promise<boolean>;
}

export function createKioskVisits(deps: KioskVisitsDeps): KioskVisits {
  const { places, viewer, kiosks } = deps;
  const eyeForward = new Vector3();
  /** The latest openRegion/openService: an earlier one still loading is superseded and opens nothing. */
  let latest = 0;

  function openCounter(k: CounterKiosk, extra: readonly KioskScreen[] = []): KioskController {
    const inside = places.interior;
    if (!inside) throw new Error("kiosk-visits: a counter kiosk opens only inside a building");
    return kiosks.open([{ kind: "services", regionCode: inside.region.code, agencyId: k.agency.id }, ...extra], counterPanelPose(k));
  }

  function openAhead(screens: readonly KioskScreen[]): KioskController {
    const v = viewer.current;
    return kiosks.open(screens, panelAheadPose(v.eye(), v.forward(eyeForward)));
  }

  return {
    openCounter,
    openAhead,
    openQueueMachine() {
      const inside = places.interior;
      if (!inside?.queueMachine) return null;
      return kiosks.open([{ kind: "queue-agencies", regionCode: inside.region.code }], counterPanelPose(inside.queueMachine));
    },
    async openRegion(code) {
      const mine = ++latest;
      if (!(await places.enter(code)) || mine !== latest) return false;
      openAhead([{ kind: "agencies", regionCode: code }]);
      return true;
    },
    async openService(serviceId) {
      const mine = ++latest;
      let service: Service;
      try {
        service = await deps.api.service(serviceId);
      } catch (e) {
        if (mine === latest) deps.onError(e);
        return false;
      }
      if (mine !== latest) return false;
      const inside = await places.enter(service.regionCode);
      if (!inside || mine !== latest) return false;
      const k = inside.kiosks.find((x) => x.agency.id === service.agencyId);
      if (!k) {
        openAhead([{ kind: "service", serviceId }]);
        return true;
      }
      // As far back as the hall's floor allows (2.6 m), facing the counter with room around (on a
      // screen viewer/kiosk-stage.ts then frames it in the part the page's copy leaves).
      let spot = standingSpot(k);
      let ground = deps.floorBelow(spot.x, 0, spot.z);
      for (let d = STAND_OFF_KIOSK_M - 0.5; ground === null && d >= STAND_OFF_KIOSK_MIN_M; d -= 0.5) {
        spot = standingSpot(k, d);
        ground = deps.floorBelow(spot.x, 0, spot.z);
      }
      viewer.current.placeAt(new Vector3(spot.x, ground ?? 0, spot.z), k.normal.scale(-1));
      openCounter(k, [{ kind: "service", serviceId }]);
      return true;
    },
  };
}
