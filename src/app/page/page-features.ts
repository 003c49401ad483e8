// The page's features around a started experience, each in the mode the URL asks for: VR (its
// runtime is a chunk loaded on entry), shared presence (its own chunk, never at a lobby kiosk), the
// audience's spectator screen, the hall's queue display, the lobby mode, the deep link's place, and
// the test hook (only with ?automation=1, its own chunk).
import type { Engine } from "@babylonjs/core/Engines/engine";
import type { Experience } from "../experience";
import type { PageShell } from "./page-shell";
import { createXrMode, isImmersiveVrSupported } from "../xr/xr-mode";
import type { PagePresence } from "../presence/start-presence";
import type { SpectatorMode } from "../spectator/spectator-mode";
import { followHallDisplay } from "../queue/hall-display";

import type { KioskLayout } from "../viewer/kiosk-layout";

export interface FeaturesDeps {
  engine: Engine;
  /** Models, scene files and the VR controller profiles, all on our own origin. */
  assetsBase: string;
  /** The test hook's `ready` (PRODUCT.md). */
  ready: Promise<void>;
  /** Where an open kiosk shows (viewer/kiosk-stage.ts), for the test hook. */
  kioskLayout?(): KioskLayout;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

const presenceChunk = () => import(/* webpackChunkName: "presence" */ "../presence/start-presence");
const hookChunk = () => import(/* webpackChunkName: "test-hook" */ "../test-hook");

/**
 * Starts fetching the test hook's chunk (with ?automation=1; called after the first frame, while
 * the buildings load), so it is in when the experience has started.
 */
export function prefetchFeatures(shell: Pick<PageShell, "route">): void {
  if (shell.route.automation) hookChunk().catch(() => undefined);
}

export async function startFeatures(shell: PageShell, exp: Experience, deps: FeaturesDeps): Promise<void> {
  const { win, route, i18n, errors, kioskMode } = shell;
  const url = new URL(win.location.href);
  let together: PagePresence | null = null;
  let started: Promise<void> = deps.ready;
  // ?xrscale=0.5 renders a headset below native resolution (slow devices, emulated tests).
  const xrScale = Number(url.searchParams.get("xrscale"));
  const xr = createXrMode({
    experience: exp,
    i18n,
    controllerRepository: `${deps.assetsBase}xr-input`,
    ...(xrScale > 0.1 && xrScale <= 1 ? { framebufferScale: xrScale } : {}),
    onError: () => errors.show("xr-unavailable"),
    // The guide's tools in the VR menu (read when the menu opens; presence starts just below).
    menuActions: () => together?.vrActions() ?? [],
    onMenuActionsChange: (l) => together?.onVrActionsChange(l) ?? (() => {}),
  });
  shell.xrMode = xr;
  void isImmersiveVrSupported().then((ok) => shell.toolbar.setXrAvailable(ok));
  // Presence (issue 16): opt-in, never at a lobby kiosk (one stranger after another, often offline).
  // The audience's big screen: an invisible observer with its own camera and no controls (own chunk).
  const spectatorMode = route.mode === "spectator";
  let spectator: SpectatorMode | null = null;
  if (spectatorMode) {
    try {
      const { startSpectator } = await import("../spectator/spectator-mode");
      spectator = startSpectator({ win, uiRoot: shell.uiRoot, experience: exp, i18n, follow: "guide" });
    } catch (e) {
      errors.show("generic", { detail: errorText(e) });
    }
  } else if (!kioskMode) {
    // Presence is opt-in and no part of `ready`: its chunk is fetched once the page is ready, so a
    // visitor's first load does not carry it (issue 18).
    started = deps.ready.then(() => presenceChunk()).then(({ startPresence }) => {
      together = startPresence({ win, uiRoot: shell.uiRoot, experience: exp, i18n, api: shell.api, hands: () => xr.run?.handPoses() ?? null, autoJoin: url.searchParams.get("presence") === "1",
        tickets: { openForm: (regionCode) => void shell.loadFeedback().then((f) => f.openForm({ regionCode })), openTicket: (code) => void shell.loadFeedback().then((f) => f.openTicket(code)) },
      });
    }, (e: unknown) => {
      // Without its chunk (offline before it was cached) the rest works on.
      console.warn(`page-features: presence not started: ${errorText(e)}`);
    });
  }
  // The hall's queue screen inside a building: the live numbers of the lobby board.
  const hall = followHallDisplay(win, { places: exp.places, lang: () => i18n.lang, onLangChange: (l) => i18n.onChange(l) });
  if (route.automation) {
    const { installTestHook } = await hookChunk();
    installTestHook(win, {
      engine: deps.engine, experience: exp, ready: deps.ready, started, xr, lobby: () => shell.lobby, presence: () => together, spectator: () => spectator,
      hallDisplay: () => hall.current?.lines ?? null, ...(deps.kioskLayout ? { kioskLayout: deps.kioskLayout } : {}),
    });
  }
  if (kioskMode) {
    try {
      const [{ startLobbyMode }, fb] = await Promise.all([import("../lobby/lobby-mode"), shell.loadFeedback().catch(() => null)]);
      shell.lobby = startLobbyMode({
        win, uiRoot: shell.uiRoot, experience: exp, directory: shell.directory, i18n, location: shell.location, sw: shell.sw,
        survey: fb?.lobbySurvey(route.region) ?? null, easyMode: shell.easyMode,
      });
    } catch (e) {
      errors.show("generic", { detail: errorText(e) });
    }
  } else {
    await shell.location.go(route);
    // /?ticket=CODE: the status and answers of a question or complaint.
    const ticket = url.searchParams.get("ticket");
    if (ticket) void shell.loadFeedback().then((f) => f.openTicket(ticket));
    // /?antrean=CODE (the QR code of a walk-in ticket): rate the service once the number was served.
    const antrean = url.searchParams.get("antrean");
    if (antrean) void shell.loadFeedback().then((f) => f.openQueueVisit(antrean));
  }
}
