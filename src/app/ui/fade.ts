// A short fade to the page's background colour around a jump (issue 20 point 5): quicker than a
// long glide, and kinder than a hard cut. Without motion (prefers-reduced-motion) it is a cut.
import { el } from "./dom";

export interface FadeOptions {
  /** Milliseconds to fade out, and again to fade in. */
  ms?: number;
}

export interface PageFade {
  /** Fades out, runs `act` (awaited), fades back in; a second call while one runs waits its turn. */
  run(act: () => unknown): Promise<void>;
  readonly element: HTMLElement;
  dispose(): void;
}

export function createFade(root: HTMLElement, options: FadeOptions = {}): PageFade {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const element = el(doc, "div", { class: "mpp-fade", "aria-hidden": "true", "data-testid": "fade" });
  root.appendChild(element);
  const reduced = () => win?.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  let chain: Promise<void> = Promise.resolve();

  async function once(act: () => unknown): Promise<void> {
    const ms = reduced() ? 0 : (options.ms ?? 180);
    element.style.transitionDuration = `${ms}ms`;
    element.classList.add("mpp-fade--on");
    if (ms > 0) await wait(ms);
    try {
      await act();
    } finally {
      element.classList.remove("mpp-fade--on");
      if (ms > 0) await wait(ms);
    }
  }

  return {
    element,
    run(act) {
      const next = chain.then(() => once(act));
      chain = next.catch(() => undefined);
      return next;
    },
    dispose() {
      element.remove();
    },
  };
}
