// A kiosk screen's text field on the 3D panel: its label, the text typed so far, a hint line, and a
// keyboard of GUI buttons under it, so a headset's pointer (or a finger on a lobby screen) can type
// where there is no physical keyboard. Keys go out as events; the KioskController keeps the draft
// and the panel re-renders it. Text is drawn by TextBlocks: always text, never markup.
import { Button } from "@babylonjs/gui/2D/controls/button";
import { Control } from "@babylonjs/gui/2D/controls/control";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import type { KioskInput } from "./screens/screen";

/** Key values the controller understands: one character, "⌫" (delete) or "↵" (new line). */
export const BACKSPACE = "⌫";
export const ENTER = "↵";
const SHIFT = "⇧";
const SPACE = " ";

const ROWS: readonly string[][] = [
  [..."1234567890", BACKSPACE],
  [..."qwertyuiop"],
  [..."asdfghjkl", ENTER],
  [SHIFT, ..."zxcvbnm,.?"],
  ["@", "-", "+", SPACE, "'", "!", "/"],
];

/** The GUI name of a key's button ("key-a", "key-space", "key-backspace"): tests aim at it. */
export function keyName(key: string): string {
  switch (key) {
    case BACKSPACE: return "key-backspace";
    case ENTER: return "key-enter";
    case SHIFT: return "key-shift";
    case SPACE: return "key-space";
    default: return `key-${key}`;
  }
}

/** What is shown of a long text: its end, so the visitor sees what they are typing. */
export function visibleTail(text: string, max = 280): string {
  const chars = [...text];
  return chars.length <= max ? text : `…${chars.slice(chars.length - max).join("")}`;
}

export interface PanelInputOptions {
  /** Texture width available for the keyboard, in pixels. */
  width: number;
  onKey(key: string): void;
}

function label(value: string, size: number, color: string): TextBlock {
  const t = new TextBlock(undefined, value);
  t.fontSize = size;
  t.color = color;
  t.fontFamily = "system-ui, sans-serif";
  t.textWrapping = true;
  t.resizeToFit = true;
  t.width = "100%";
  t.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
  t.paddingBottom = "6px";
  return t;
}

/** The field and its keyboard, top to bottom, for the panel's body. `shift` is the panel's own state. */
export function inputControls(input: KioskInput, o: PanelInputOptions, shift: { on: boolean }): Control[] {
  const box = new Rectangle("input-field");
  box.adaptHeightToChildren = true;
  box.width = "100%";
  box.thickness = 3;
  box.color = "#7fd1c7";
  box.background = "#06161f";
  box.cornerRadius = 10;
  box.paddingBottom = "8px";
  const value = label(`${visibleTail(input.value)}▏`, 30, "#ffffff");
  value.name = "input-value";
  value.paddingLeft = "16px";
  value.paddingRight = "16px";
  value.paddingTop = "10px";
  value.paddingBottom = "10px";
  box.addControl(value);

  const keyboard = new StackPanel("keyboard");
  keyboard.width = "100%";
  const build = () => {
    for (const c of [...keyboard.children]) c.dispose();
    for (const [r, row] of ROWS.entries()) {
      const line = new StackPanel(`keyboard-row-${r}`);
      line.isVertical = false;
      line.height = "84px";
      const unit = Math.floor(o.width / 11);
      for (const key of row) {
        if (key === ENTER && !input.multiline) continue;
        const shown = key === SPACE ? "space" : shift.on && key.length === 1 ? key.toUpperCase() : key;
        const b = Button.CreateSimpleButton(keyName(key), shown);
        b.width = `${key === SPACE ? unit * 4 : unit}px`;
        b.height = "80px";
        b.paddingRight = "6px";
        b.paddingBottom = "6px";
        b.color = "#ffffff";
        b.background = key === SHIFT && shift.on ? "#c79a2b" : "#1d4e5f";
        b.cornerRadius = 8;
        b.thickness = 0;
        b.fontSize = 32;
        b.onPointerClickObservable.add(() => {
          if (key === SHIFT) {
            shift.on = !shift.on;
            build();
            return;
          }
          o.onKey(shift.on && key.length === 1 ? key.toUpperCase() : key);
          if (shift.on && key.length === 1 && key !== SPACE) shift.on = false; // one capital, as phones do
        });
        line.addControl(b);
      }
      keyboard.addControl(line);
    }
  };
  build();
  return [
    label(input.label, 30, "#7fd1c7"),
    box,
    ...(input.hint ? [label(input.hint, 26, "#b7c9cc")] : []),
    keyboard,
  ];
}
