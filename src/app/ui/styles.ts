// Puts the overlay's CSS into the page. The CSS lives in styles.css; the app passes its text
// (`import css from "./ui/styles.css"`, a string through webpack's asset/source), so this
// module stays importable in Node tests, which read the file themselves.

export const STYLE_ELEMENT_ID = "mpp-ui-styles";

export function injectStyles(doc: Document, css: string): { element: HTMLStyleElement; dispose(): void } {
  if (typeof css !== "string" || css.length === 0) throw new TypeError("injectStyles: css text is required");
  doc.getElementById(STYLE_ELEMENT_ID)?.remove();
  const element = doc.createElement("style");
  element.id = STYLE_ELEMENT_ID;
  element.textContent = css;
  doc.head.appendChild(element);
  return { element, dispose: () => element.remove() };
}

/** Kiosk (touch-screen) mode: `.touch` on <html> makes every target at least 48 px. */
export function setTouchMode(doc: Document, on: boolean): void {
  doc.documentElement.classList.toggle("touch", on);
}
