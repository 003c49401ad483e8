// The 3D panel's text field and keyboard (GUI controls, no scene needed): what it shows, which
// keys it has, what a pointer click on a key sends, and Shift giving one capital.
import assert from "node:assert/strict";
import type { Button } from "@babylonjs/gui/2D/controls/button";
import type { Container } from "@babylonjs/gui/2D/controls/container";
import type { Control } from "@babylonjs/gui/2D/controls/control";
import type { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { inputControls, keyName, visibleTail } from "../../../src/app/kiosk/panel-input";

function all(controls: Control[]): Control[] {
  return controls.flatMap((c) => [c, ...all(((c as Container).children ?? []) as Control[])]);
}
const byName = (controls: Control[], name: string) => all(controls).find((c) => c.name === name) as Button | undefined;
const click = (b: Button | undefined) => {
  assert.ok(b, "the key exists");
  b.onPointerClickObservable.notifyObservers(null as never);
};

describe("kiosk/panel-input", () => {
  it("shows the draft as text with a caret, and the end of a long one", () => {
    const keys: string[] = [];
    const controls = inputControls({ label: "Pertanyaan", value: "<b>hai</b>", maxLength: 4000, multiline: true, hint: "9 dari 4000" }, { width: 900, onKey: (k) => keys.push(k) }, { on: false });
    const value = all(controls).find((c) => c.name === "input-value") as TextBlock;
    assert.equal(value.text, "<b>hai</b>▏", "the draft as plain text, caret at the end");
    assert.equal(visibleTail("a".repeat(300), 280), `…${"a".repeat(280)}`, "a long text shows its end");
    assert.equal(visibleTail("😀".repeat(3), 2), "…😀😀", "counted in code points, never splitting an emoji");
  });

  it("sends keys by pointer: letters, space, backspace, enter only for multiline, and one capital after Shift", () => {
    const keys: string[] = [];
    const shift = { on: false };
    const controls = inputControls({ label: "Kontak", value: "", maxLength: 254, multiline: false, hint: null }, { width: 900, onKey: (k) => keys.push(k) }, shift);
    assert.equal(byName(controls, keyName("↵")), undefined, "no Enter in a one-line field");
    assert.ok(byName(controls, "key-@") && byName(controls, "key-+"), "@ and + for e-mail and phone");
    click(byName(controls, "key-a"));
    click(byName(controls, "key-space"));
    click(byName(controls, "key-backspace"));
    click(byName(controls, "key-shift"));
    assert.equal(shift.on, true, "Shift is on");
    click(byName(controls, "key-b"));
    click(byName(controls, "key-c"));
    assert.deepEqual(keys, ["a", " ", "⌫", "B", "c"], "what the controller receives");
    const multi = inputControls({ label: "T", value: "", maxLength: 10, multiline: true, hint: null }, { width: 900, onKey: (k) => keys.push(k) }, { on: false });
    click(byName(multi, "key-enter"));
    assert.equal(keys.at(-1), "↵", "Enter in a multiline field");
  });
});
