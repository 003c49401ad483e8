// DOM building for the workspace: every text goes in as a text node (officers' and citizens' text
// is shown as text, never parsed as HTML), every element from the root's own document (so tests
// run in happy-dom). No innerHTML anywhere in src/admin/.
export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "value" && (tag === "input" || tag === "textarea" || tag === "select")) (node as HTMLInputElement).value = String(value);
    else if (name === "checked" && tag === "input") (node as HTMLInputElement).checked = value === true;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" ? doc.createTextNode(c) : c);
  }
  return node;
}

let ids = 0;
/** A unique id for label/input pairs. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled input or textarea; `hint` is announced with it (aria-describedby). */
export function field(doc: Document, o: {
  label: string; name: string; value: string; multiline?: boolean; rows?: number; type?: string; hint?: string;
  required?: boolean; maxLength?: number; readOnly?: boolean; inputMode?: string; autocomplete?: string;
}): { wrap: HTMLElement; input: HTMLInputElement | HTMLTextAreaElement } {
  const id = uid(o.name.replace(/[^a-z0-9]/gi, "-"));
  const hintId = o.hint ? `${id}-hint` : null;
  const common: Attrs = {
    id, name: o.name, value: o.value, required: o.required, maxlength: o.maxLength, readonly: o.readOnly,
    "aria-describedby": hintId, inputmode: o.inputMode, autocomplete: o.autocomplete ?? "off",
  };
  const input = o.multiline
    ? h(doc, "textarea", { ...common, rows: o.rows ?? 3 })
    : h(doc, "input", { ...common, type: o.type ?? "text" });
  const wrap = h(doc, "div", { class: "adm-field" },
    h(doc, "label", { for: id }, o.label),
    input,
    hintId ? h(doc, "p", { id: hintId, class: "adm-hint" }, o.hint!) : null);
  return { wrap, input };
}

export function select(doc: Document, o: { label: string; name: string; value: string; options: Array<[string, string]> }): { wrap: HTMLElement; input: HTMLSelectElement } {
  const id = uid(o.name);
  const input = h(doc, "select", { id, name: o.name }, ...o.options.map(([v, text]) => h(doc, "option", { value: v, selected: v === o.value }, text)));
  input.value = o.value;
  return { wrap: h(doc, "div", { class: "adm-field" }, h(doc, "label", { for: id }, o.label), input), input };
}
