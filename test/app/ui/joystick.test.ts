// The on-screen walking control (issue 20 point 6): a drag reports a direction, capped at full
// push, with a dead zone; release and hiding reset it.
import assert from "node:assert/strict";
import { createJoystick } from "../../../src/app/ui/joystick";
import { domEnv } from "./dom-env";

describe("ui/joystick", () => {
  it("reports the drag from its centre, capped at 1, with a dead zone, and rests on release", () => {
    const env = domEnv();
    const j = createJoystick(env.root, { i18n: env.i18n });
    // happy-dom lays nothing out: a 100 px pad at (0, 0).
    j.element.getBoundingClientRect = () => ({ left: 0, top: 0, width: 100, height: 100, right: 100, bottom: 100, x: 0, y: 0, toJSON() {} }) as DOMRect;
    const fire = (type: string, x: number, y: number) => j.element.dispatchEvent(new env.win.PointerEvent(type, { pointerId: 7, clientX: x, clientY: y, bubbles: true }) as unknown as Event);
    fire("pointerdown", 50, 10);
    assert.equal(j.x, 0, "no sideways push");
    assert.ok(Math.abs(j.y - 0.8) < 1e-9, `forward push 0.8 (${j.y})`);
    fire("pointermove", 150, 50);
    assert.equal(j.x, 1, "pushed right, capped at 1");
    fire("pointermove", 53, 48);
    assert.deepEqual([j.x, j.y], [0, 0], "inside the dead zone: at rest");
    fire("pointermove", 0, 100);
    assert.ok(Math.hypot(j.x, j.y) <= 1 + 1e-9 && j.x < 0 && j.y < 0, "back and left, length at most 1");
    fire("pointerup", 0, 100);
    assert.deepEqual([j.x, j.y], [0, 0], "released: at rest");
    assert.match(j.element.getAttribute("aria-label") ?? "", /Kontrol berjalan/, "named in Indonesian");
    env.i18n.setLang("en");
    assert.match(j.element.getAttribute("aria-label") ?? "", /Walking control/, "renamed in English");
    j.dispose();
    env.close();
  });

  it("is driven by the arrow keys when focused, and hiding it stops it", () => {
    const env = domEnv();
    const j = createJoystick(env.root, { i18n: env.i18n });
    env.key(j.element, "ArrowUp");
    assert.ok(j.y > 0.5 && j.x === 0, "ArrowUp pushes forward");
    j.setVisible(false);
    assert.equal(j.element.hidden, true, "hidden");
    assert.deepEqual([j.x, j.y], [0, 0], "hidden: at rest");
    j.dispose();
    assert.equal(env.$('[data-testid="joystick"]'), null, "removed on dispose");
    env.close();
  });
});
