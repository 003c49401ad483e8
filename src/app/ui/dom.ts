// Tiny DOM helpers for the overlay. Every module builds its nodes from `root.ownerDocument`
// (never the global `document`), so the same code runs in the page and in Node tests.

export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | null | undefined | false;

/** Creates an element; `true` sets an empty attribute, `false`/null/undefined leave it out. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" ? doc.createTextNode(c) : c);
  }
}

/** Collects event subscriptions so dispose() can remove every one of them. */
export function createListenerBag() {
  const offs: (() => void)[] = [];
  return {
    on(target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions) {
      target.addEventListener(type, fn, options);
      offs.push(() => target.removeEventListener(type, fn, options));
    },
    add(off: () => void) { offs.push(off); },
    clear() { for (const off of offs.splice(0)) off(); },
  };
}

/** The nearest ancestor (or self) with `data-action`, within `boundary`. */
export function actionTarget(event: Event, boundary: Element): HTMLElement | null {
  let n = event.target as Element | null;
  while (n && n !== boundary) {
    if (n.nodeType === 1 && n.hasAttribute("data-action")) return n as HTMLElement;
    n = n.parentElement;
  }
  return null;
}

/** True while the user is typing in a field, where single-key shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const t = target as Element | null;
  if (!t || t.nodeType !== 1) return false;
  const tag = t.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || (t as HTMLElement).isContentEditable === true;
}
