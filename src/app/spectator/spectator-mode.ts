// The audience's big screen: `/?mode=spectator&follow=guide` (issue 16, point 4). Presence as an
// invisible observer (join.watch: not counted, not seen, cannot command); the guide's place from a
// smooth third-person camera, or a slow orbit when no guide is there; the avatars; the kiosk the
// guide opened for everyone, in 3D ahead of the guide and in large text on screen; no controls.
// It moves to the building the guide enters (the guide's `follow` messages) and back out.
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { PRESENCE_PATH, type Peer, type PoseTuple } from "../../domain/presence";
import type { Experience } from "../experience";
import type { I18n } from "../i18n/i18n";
import { panelAheadPose } from "../kiosk/kiosk-geometry";
import { createPresenceClient, type SocketLike } from "../presence/presence-client";
import { createPresence, type Presence, type PresenceSnapshot } from "../presence/presence";
import { createSharedKiosk, type SharedKiosk } from "../presence/shared-kiosk";
import type { KioskRef } from "../../domain/presence";
import { chaseShot, createSpectatorCamera, groundForward, orbitShot } from "./spectator-camera";
import { createSpectatorOverlay } from "./spectator-overlay";

export interface SpectatorSnapshot {
  /** "chase": behind the guide; "orbit": no guide in this place. */
  shot: "chase" | "orbit";
  guide: string | null;
  kiosk: KioskRef | null;
  /** The kiosk's 3D panel is open (shown ahead of the guide). */
  kioskOpen: boolean;
  /** That panel is inside the camera's view. */
  kioskInView: boolean;
  camera: [number, number, number];
}

export interface SpectatorMode {
  readonly presence: Presence;
  readonly shared: SharedKiosk;
  snapshot(): SpectatorSnapshot;
  dispose(): void;
}

export interface SpectatorDeps {
  win: Window;
  uiRoot: HTMLElement;
  experience: Experience;
  i18n: I18n;
  /** Which peer to follow: "guide" (the only choice today). */
  follow: "guide";
}

const ORBIT = { plaza: { radius: 26, height: 11, speed: 0.05 }, building: { radius: 7, height: 3.2, speed: 0.08 } };

export function startSpectator(deps: SpectatorDeps): SpectatorMode {
  const { win, i18n, experience: exp } = deps;
  const scene = exp.scene;
  const doc = win.document;
  doc.documentElement.classList.add("mpp-spectator-mode");
  const client = createPresenceClient({
    url: `${win.location.protocol === "https:" ? "wss" : "ws"}://${win.location.host}${PRESENCE_PATH}`,
    createSocket: (url) => new (win as Window & typeof globalThis).WebSocket(url) as unknown as SocketLike,
    now: () => win.performance.now(),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (h) => win.clearTimeout(h as number),
    watch: true,
  });
  const label = (p: Peer) => (p.chosen ? p.name : i18n.t("presence.visitor", { n: String(p.n) }));
  const presence = createPresence({
    scene, frame: exp.frame, places: exp.places, viewer: exp.viewer, client, label,
    onLanguage: (l) => i18n.onChange(l),
  });

  // No controls: the walking camera stops listening and a camera with no inputs takes over.
  const walkingCamera = exp.walking.camera;
  walkingCamera.detachControl();
  const cam = createSpectatorCamera(scene);
  scene.activeCamera = cam.camera;

  const guide = (): { peer: Peer; pose: PoseTuple | null } | null => {
    let best: Peer | null = null;
    for (const { peer } of client.peers.values()) if (peer.role === "guide" && (!best || peer.n < best.n)) best = peer;
    if (!best) return null;
    const now = client.serverNow();
    const sample = now === null ? null : client.peers.get(best.id)?.buffer.sample(now) ?? null;
    return { peer: best, pose: sample ? sample.h : null };
  };

  const eye = new Vector3();
  const fwd = new Vector3();
  const shared = createSharedKiosk({
    client,
    kiosks: exp.kiosks,
    // Ahead of the guide, facing them: the camera behind the guide reads it over their shoulder.
    poseFor: () => {
      const g = guide();
      if (g?.pose) {
        const [fx, fz] = groundForward(g.pose);
        return panelAheadPose(eye.set(g.pose[0], g.pose[1], g.pose[2]), fwd.set(fx, 0, fz));
      }
      const c = cam.camera;
      c.getDirectionToRef(Vector3.Forward(scene.useRightHandedSystem), fwd);
      fwd.y = 0;
      return panelAheadPose(eye.copyFrom(c.position), fwd.normalize().scaleInPlace(2.5));
    },
    agencyOfService: () => Promise.reject(new Error("spectator: shares nothing")),
  });
  const overlay = createSpectatorOverlay(deps.uiRoot, { i18n });

  let angle = 0;
  let shot: "chase" | "orbit" = "orbit";
  let lastPlace = exp.places.current;
  const center: [number, number, number] = [0, 0, 0];
  const orbitCenter = (): [number, number, number] => {
    const inside = exp.places.interior;
    if (inside && inside.kiosks.length > 0) {
      let x = 0, y = 0, z = 0;
      for (const k of inside.kiosks) { x += k.center.x; y += k.center.y; z += k.center.z; }
      const n = inside.kiosks.length;
      center[0] = x / n; center[1] = y / n - 1.2; center[2] = z / n;
    } else {
      const hub = exp.places.hub();
      center[0] = hub?.x ?? 0; center[1] = hub?.y ?? 0; center[2] = hub?.z ?? 0;
    }
    return center;
  };

  const step = (dtS: number) => {
    const place = exp.places.current;
    const moved = place !== lastPlace;
    lastPlace = place;
    const g = guide();
    if (g?.pose) {
      const cut = moved || shot !== "chase";
      shot = "chase";
      cam.aim(chaseShot(g.pose), dtS, cut);
    } else {
      const o = place.kind === "building" ? ORBIT.building : ORBIT.plaza;
      const cut = moved || shot !== "orbit";
      shot = "orbit";
      angle = (angle + o.speed * dtS) % (2 * Math.PI);
      cam.aim(orbitShot(orbitCenter(), o.radius, o.height, angle), dtS, cut);
    }
  };

  const render = () => {
    const g = guide();
    const place = exp.places.current;
    const regionName = place.kind === "building" ? exp.regions.find((r) => r.code === place.region)?.name ?? place.region : null;
    overlay.render({
      connected: client.status === "joined",
      place: regionName,
      guide: g ? label(g.peer) : null,
      visitors: [...client.peers.values()].filter(({ peer }) => peer.role !== "guide").length,
      kiosk: shared.controller?.view ?? null,
    });
  };
  let viewOff: (() => void) | null = null;
  const watchKiosk = () => {
    viewOff?.();
    viewOff = shared.controller ? shared.controller.onView(render) : null;
    render();
  };

  const offs: Array<() => void> = [
    exp.frame.set("spectator-camera", step),
    client.on((e) => {
      if (e.kind !== "message") return render();
      const m = e.message;
      // The guide enters or leaves a building: the screen goes along (the socket moves room with it).
      if (m.t === "follow" && client.peers.get(m.from)?.peer.role === "guide") {
        const here = exp.places.current;
        if (m.kind === "enter" && !(here.kind === "building" && here.region === m.place)) void exp.places.enter(m.place);
        else if (m.kind === "exit" && here.kind === "building") exp.places.leave();
      }
    }),
    shared.onEvent(watchKiosk),
    exp.places.onChange(() => render()),
    i18n.onChange(() => render()),
    () => viewOff?.(),
  ];
  presence.join(null);
  render();

  return {
    presence,
    shared,
    snapshot() {
      const g = guide();
      const p = cam.camera.position;
      const open = shared.controller !== null;
      return {
        shot, guide: g?.peer.id ?? null, kiosk: shared.ref, kioskOpen: open,
        kioskInView: open && exp.panel.visible && cam.camera.isInFrustum(exp.panel.mesh), camera: [p.x, p.y, p.z],
      };
    },
    dispose() {
      for (const off of offs.splice(0)) off();
      shared.dispose();
      presence.dispose();
      overlay.dispose();
      if (scene.activeCamera === cam.camera) scene.activeCamera = walkingCamera;
      cam.dispose();
      walkingCamera.attachControl(true);
      doc.documentElement.classList.remove("mpp-spectator-mode");
    },
  };
}

export type { PresenceSnapshot };
