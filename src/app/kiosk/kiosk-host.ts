// The one open kiosk: a KioskController shown on the 3D panel (and handed to the page for its DOM
// copy). Opening another kiosk closes the first; closing removes every listener it added.
import { createKioskController, type KioskApi, type KioskController, type KioskI18n } from "./kiosk-controller";
import type { KioskScreen, KioskView } from "./screens/registry";
import type { ServicePanel } from "./service-panel";
import type { PanelPose } from "./kiosk-geometry";

/** Easy mode's read-aloud on the 3D panel, where a headset visitor has no DOM copy to click. */
export interface KioskReadAloud {
  /** Whether to offer it now: easy mode on and a browser that can speak. */
  available(): boolean;
  label(): string;
  speak(view: KioskView): void;
  /** Stops reading (the kiosk closed). */
  stop(): void;
  /** Called when available() or label() may have changed; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export interface KioskHostDeps {
  api: KioskApi;
  i18n: KioskI18n;
  panel: Pick<ServicePanel, "render" | "onEvent" | "showAt" | "hide">;
  readAloud?: KioskReadAloud | null;
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
    if (had) deps.readAloud?.stop();
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
    const { readAloud } = deps;
    // A ready view gets a "read aloud" button while easy mode can speak; none when it cannot.
    const withSpeak = (v: KioskView): KioskView => (readAloud?.available() && v.status === "ready"
      ? { ...v, actions: [...v.actions, { id: "speak", label: readAloud.label() }] }
      : v);
    const render = () => panel.render(withSpeak(controller.view));
    render();
    cleanup.push(controller.onView(render));
    if (readAloud) cleanup.push(readAloud.onChange(render));
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
        else if (e.id === "speak" && readAloud?.available()) readAloud.speak(controller.view);
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
