import assert from "node:assert/strict";
import { createPanelScroll } from "../../../src/app/xr/panel-scroll";
import type { StickState } from "../../../src/app/xr/thumbstick";

describe("xr/panel-scroll", () => {
  it("scrolls by the stick's deflection while it scrolls, down when pulled back", () => {
    const scrolled: number[] = [];
    const stick = { controllerId: "right", use: "scroll" as StickState["use"], x: 0, y: 1 };
    const step = createPanelScroll([stick], { scrollBy: (s) => scrolled.push(s), speed: 0.8 });
    step(0.1);
    stick.y = 0.2; // within the dead zone
    step(0.1);
    stick.y = -1;
    stick.use = "aim";
    step(0.1);
    assert.equal(scrolled.length, 1, "one scroll: the small deflection and the aim do not scroll");
    assert.ok(Math.abs(scrolled[0]! - 0.08) < 1e-9, "0.8 of the height per second, for 0.1 s, downward");
  });
});
