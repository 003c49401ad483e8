// The on-screen walking control for touch screens (issue 20 point 6; Hubs users asked for joysticks
// on by default): a round pad at the bottom left, its knob dragged with a finger (or a mouse, or
// the arrow keys when it has focus). It only reports a direction; navigation/stick-walk.ts moves
// the walking viewer with it.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "./dom";

export interface JoystickDeps {
  i18n: Pick<I18n, "t" | "onChange">;
}

export interface Joystick {
  readonly element: HTMLElement;
  /** The stick now: x to the right, y forward, each -1..1, length at most 1 (0, 0 at rest). */
  readonly x: number;
  readonly y: number;
  setVisible(on: boolean): void;
  dispose(): void;
}

/** Under this share of the radius the stick counts as at rest (a resting thumb trembles). */
const DEAD_ZONE = 0.12;
/** A held arrow key pushes the stick this far. */
const KEY_PUSH = 0.8;

export function createJoystick(root: HTMLElement, deps: JoystickDeps): Joystick {
  const doc = root.ownerDocument;
  const bag = createListenerBag();
  const knob = el(doc, "span", { class: "mpp-joystick__knob", "aria-hidden": "true" });
  const element = el(doc, "div", {
    class: "mpp-joystick", role: "application", tabindex: "0", "data-testid": "joystick",
  }, knob);
  root.appendChild(element);
  let x = 0;
  let y = 0;
  let pointer: number | null = null;
  const keys = new Set<string>();

  const render = () => element.setAttribute("aria-label", deps.i18n.t("joystick.label"));
  render();

  function set(nx: number, ny: number) {
    const len = Math.hypot(nx, ny);
    const k = len > 1 ? 1 / len : 1;
    nx *= k;
    ny *= k;
    const on = Math.hypot(nx, ny) >= DEAD_ZONE;
    x = on ? nx : 0;
    y = on ? ny : 0;
    // The knob follows the finger, within the pad (percent of the pad's radius).
    knob.style.transform = `translate(${(nx * 50).toFixed(1)}%, ${(-ny * 50).toFixed(1)}%)`;
    element.classList.toggle("mpp-joystick--active", on);
  }

  function fromPointer(e: PointerEvent) {
    const r = element.getBoundingClientRect();
    const radius = Math.max(1, r.width / 2);
    set((e.clientX - (r.left + r.width / 2)) / radius, -(e.clientY - (r.top + r.height / 2)) / radius);
  }
  const release = (e: PointerEvent) => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    set(0, 0);
  };
  bag.on(element, "pointerdown", (e) => {
    const pe = e as PointerEvent;
    if (pointer !== null) return;
    pointer = pe.pointerId;
    element.setPointerCapture?.(pe.pointerId);
    pe.preventDefault();
    fromPointer(pe);
  });
  bag.on(element, "pointermove", (e) => {
    if ((e as PointerEvent).pointerId === pointer) fromPointer(e as PointerEvent);
  });
  bag.on(element, "pointerup", (e) => release(e as PointerEvent));
  bag.on(element, "pointercancel", (e) => release(e as PointerEvent));
  // Keyboard users who reach the pad by Tab can drive it with the arrows.
  const fromKeys = () => set((keys.has("ArrowRight") ? KEY_PUSH : 0) - (keys.has("ArrowLeft") ? KEY_PUSH : 0),
    (keys.has("ArrowUp") ? KEY_PUSH : 0) - (keys.has("ArrowDown") ? KEY_PUSH : 0));
  bag.on(element, "keydown", (e) => {
    const k = (e as KeyboardEvent).key;
    if (!k.startsWith("Arrow")) return;
    e.preventDefault();
    keys.add(k);
    fromKeys();
  });
  bag.on(element, "keyup", (e) => {
    keys.delete((e as KeyboardEvent).key);
    fromKeys();
  });
  bag.on(element, "blur", () => {
    keys.clear();
    if (pointer === null) set(0, 0);
  });
  bag.add(deps.i18n.onChange(render));

  return {
    element,
    get x() { return x; },
    get y() { return y; },
    setVisible(on) {
      element.hidden = !on;
      if (!on) { pointer = null; keys.clear(); set(0, 0); }
    },
    dispose() { bag.clear(); element.remove(); },
  };
}
