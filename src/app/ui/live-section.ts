// A section of the presence panel that redraws itself: drawn once now and again whenever one of its
// sources (the part's state, the language, the place, ...) changes; dispose removes every
// subscription and the elements it put on the page.
import type { createListenerBag } from "./dom";

export interface LiveSection {
  readonly section: HTMLElement;
  dispose(): void;
}

/**
 * `sources` are subscribe functions (each returns its remover). `bag` holds the section's own DOM
 * listeners; `extras` are other elements the part put on the page (a banner), removed with it.
 */
export function liveSection(
  section: HTMLElement,
  bag: ReturnType<typeof createListenerBag>,
  render: () => void,
  sources: ReadonlyArray<(listener: () => void) => () => void>,
  extras: { elements?: readonly HTMLElement[]; onDispose?: () => void } = {},
): LiveSection {
  for (const subscribe of sources) bag.add(subscribe(() => render()));
  render();
  return {
    section,
    dispose() {
      bag.clear();
      extras.onDispose?.();
      section.remove();
      for (const e of extras.elements ?? []) e.remove();
    },
  };
}
