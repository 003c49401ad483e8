// Scrolling a kiosk panel in VR (a headset has no mouse wheel): while the thumbstick owner says a
// stick scrolls (its controller points at the panel), its forward/back moves the text.
import type { StickState } from "./thumbstick";

export interface PanelScrollOptions {
  /** Scrolls by a share of the scrollable height (positive = down). */
  scrollBy(share: number): void;
  /** Shares of the height per second at full deflection. */
  speed?: number;
}

/** The frame step "xr-panel-scroll". */
export function createPanelScroll(sticks: readonly StickState[], options: PanelScrollOptions): (dtS: number) => void {
  const speed = options.speed ?? 0.8;
  return (dtS) => {
    for (let i = 0; i < sticks.length; i++) {
      const s = sticks[i]!;
      // Stick forward (y < 0) scrolls up, as a page moves under a finger.
      if (s.use === "scroll" && Math.abs(s.y) > 0.3) options.scrollBy(s.y * speed * dtS);
    }
  };
}
