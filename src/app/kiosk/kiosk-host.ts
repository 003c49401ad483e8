// The one open kiosk: a KioskController shown on the 3D panel (and handed to the page for its DOM
// copy). Opening another kiosk closes the first; closing removes every listener it added.
import { createKioskController, type KioskApi, type KioskController, type KioskI18n } from "./kiosk-controller";
import type { KioskScreen } from "./screens/registry";
import type { ServicePanel } from "./service-panel";
import type { PanelPose } from "./kiosk-geometry";

export interface KioskHostDeps {
  api: KioskApi;
  i18n: KioskI18n;
  panel: Pick<ServicePanel, "render" | "onEvent" | "showAt" | "hide">;
}

export interface KioskHost {
  /** The open kiosk's controller, or null. */
  readonly current: KioskController | null;
  /** Opens the screens (the last one shown, Back walks to the first) on the panel at `pose`. */
  open(screens: readonly KioskScreen[], pose: PanelPose): KioskController;
  close(): void;
  /** Called with the controller when a kiosk opens and with null when it closes. */
  onChange(listener: (controller: KioskController | null) => void): () => void;
  dispose(): void;
}

export function createKioskHost(deps: KioskHostDeps): KioskHost {
  const { panel } = deps;
  let current: KioskController | null = null;
  let cleanup: Array<() => void> = [];
  const listeners = new Set<(c: KioskController | null) => void>();
  const tell = (c: KioskController | null) => {
    for (const l of [...listeners]) l(c);
  };

  function close(): void {
    for (const c of cleanup) c();
    cleanup = [];
    const had = current !== null;
    current?.dispose();
    current = null;
    panel.hide();
    if (had) tell(null);
  }

  function open(screens: readonly KioskScreen[], pose: PanelPose): KioskController {
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
        else if (e.kind === "key") controller.type(e.key);
        else if (e.id === "back") controller.back();
        else if (e.id === "close") controller.close();
        else if (e.id === "retry") controller.retry();
        else if (e.id === "ask" || e.id === "rate" || e.id === "queue") controller.act(e.id);
      }),
    );
    panel.showAt(pose.center, pose.facing);
    tell(controller);
    return controller;
  }

  return {
    get current() {
      return current;
    },
    open,
    close,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      close();
      listeners.clear();
    },
  };
}
