import assert from "node:assert/strict";
import { createOnScreenKeyboard } from "../../../src/app/lobby/on-screen-keyboard";
import { domEnv } from "../ui/dom-env";

function setup(lang: "id" | "en" = "id") {
  const env = domEnv(lang);
  const input = env.doc.createElement("input");
  input.type = "search";
  env.root.appendChild(input);
  const inputs: string[] = [];
  input.addEventListener("input", () => inputs.push(input.value));
  let closed = 0;
  const kb = createOnScreenKeyboard(env.root, { input, i18n: env.i18n, onClose: () => closed++ });
  const tap = (testid: string) => env.$(`[data-testid="${testid}"]`)!.click();
  return { env, input, inputs, kb, tap, closed: () => closed };
}

describe("lobby/on-screen-keyboard", () => {
  it("types letters into the input and fires its input event each time", () => {
    const s = setup();
    s.kb.show();
    for (const ch of "paspor") s.tap(`osk-key-${ch}`);
    assert.equal(s.input.value, "paspor", "letters typed in order");
    assert.deepEqual(s.inputs, ["p", "pa", "pas", "pasp", "paspo", "paspor"], "one input event per key");
    s.env.close();
  });

  it("has digits, space, backspace and clear", () => {
    const s = setup();
    for (const k of ["osk-key-s", "osk-key-i", "osk-key-m", "osk-space", "osk-space", "osk-key-1"]) s.tap(k);
    assert.equal(s.input.value, "sim 1", "a single space between words (a double tap adds one)");
    s.tap("osk-backspace");
    assert.equal(s.input.value, "sim ", "backspace removes the last character");
    s.tap("osk-clear");
    assert.equal(s.input.value, "", "clear empties the field");
    s.tap("osk-space");
    assert.equal(s.input.value, "", "no leading space");
    s.env.close();
  });

  it("stops at the longest query", () => {
    const s = setup();
    s.input.value = "x".repeat(100);
    s.tap("osk-key-a");
    assert.equal(s.input.value.length, 100, "no character beyond 100");
    s.env.close();
  });

  it("is an accessible group of buttons, labelled in the current language", () => {
    const s = setup("id");
    const group = s.kb.element;
    assert.equal(group.getAttribute("role"), "group", "a group");
    assert.equal(group.getAttribute("aria-label"), "Papan ketik layar", "labelled in Indonesian");
    const buttons = [...group.querySelectorAll("button")];
    assert.ok(buttons.length >= 40, `letters, digits and controls (${buttons.length})`);
    assert.ok(buttons.every((b) => b.getAttribute("type") === "button"), "no button submits the search form");
    assert.equal(s.env.$('[data-testid="osk-backspace"]')?.getAttribute("aria-label"), "Hapus satu huruf", "backspace named, not just a symbol");
    s.env.i18n.setLang("en");
    assert.equal(group.getAttribute("aria-label"), "On-screen keyboard", "follows the language");
    assert.equal(s.env.$('[data-testid="osk-clear"]')?.textContent, "Clear all", "clear key in English");
    s.env.close();
  });

  it("shows, hides with its close key, and disposes", () => {
    const s = setup();
    assert.equal(s.kb.visible, false, "hidden at first");
    s.kb.show();
    assert.equal(s.kb.visible, true, "shown");
    s.tap("osk-close");
    assert.equal(s.kb.visible, false, "close hides it");
    assert.equal(s.closed(), 1, "onClose told");
    s.kb.dispose();
    assert.equal(s.env.$('[data-testid="osk"]'), null, "removed from the page");
    s.env.close();
  });

  it("refuses something that is not an input", () => {
    const env = domEnv();
    assert.throws(() => createOnScreenKeyboard(env.root, { input: env.doc.createElement("div") as unknown as HTMLInputElement, i18n: env.i18n }), /an <input> or <textarea> is required/, "div rejected");
    env.close();
  });
});
