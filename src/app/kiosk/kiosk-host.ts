// The one open kiosk: a KioskController shown on the 3D panel (and handed to the page for its DOM
// copy). Opening another kiosk closes the first; closing removes every listener it added.
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createKioskController, type KioskApi, type KioskController, type KioskI18n } from "./kiosk-controller";
import type { KioskScreen } from "./view-model";
import type { ServicePanel } from "./service-panel";

export interface KioskHostDeps {
  api: KioskApi;
  i18n: KioskI18n;
  panel: ServicePanel;
  /** A kiosk opened (its controller) or closed (null). */
  onKiosk?(controller: KioskController | null): void;
}

export function createKioskHost(deps: KioskHostDeps) {
  const { panel } = deps;
  let current: KioskController | null = null;
  let cleanup: Array<() => void> = [];

  function close(): void {
    for (const c of cleanup) c();
    cleanup = [];
    const had = current !== null;
    current?.dispose();
    current = null;
    panel.hide();
    if (had) deps.onKiosk?.(null);
  }

  /** Opens the screens (the last one shown, Back walks to the first) on the panel at `center`, facing `viewer`. */
  function open(screens: readonly KioskScreen[], center: Vector3, viewer: Vector3): KioskController {
    close();
    const [first, ...rest] = screens;
    if (!first) throw new Error("kiosk-host: open needs at least one screen");
    const controller = createKioskController({ api: deps.api, i18n: deps.i18n, start: first });
    for (const s of rest) controller.open(s);
    current = controller;
    const render = () => panel.render(controller.view);
    render();
    cleanup.push(controller.onView(render));
    // Closing from inside the controller's own notification: finish that first.
    cleanup.push(controller.onClose(() => queueMicrotask(close)));
    cleanup.push(
      panel.onEvent((e) => {
        if (e.kind === "item") controller.select(e.id);
        else if (e.id === "back") controller.back();
        else if (e.id === "close") controller.close();
        else if (e.id === "retry") controller.retry();
      }),
    );
    panel.showAt(center, viewer);
    deps.onKiosk?.(controller);
    return controller;
  }

  return {
    open,
    close,
    get current() {
      return current;
    },
    dispose: close,
  };
}

export type KioskHost = ReturnType<typeof createKioskHost>;
