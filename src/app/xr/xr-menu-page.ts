// The VR menu's drawing parts: a button, a title, a row of actions (optionally with a label), and a
// page of extra actions with its list and navigation. xr-menu.ts decides what a press does.
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { Button } from "@babylonjs/gui/2D/controls/button";
import { Grid } from "@babylonjs/gui/2D/controls/grid";
import type { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";

export interface XrMenuAction {
  /** The GUI control's name (tests aim at it), e.g. "xr-guide-gather". */
  name: string;
  label: string;
  /** What the button does; the menu closes after it unless `stay`. */
  run?(): void;
  /** The button opens this page of the menu instead (read again at each redraw). */
  page?(): XrMenuPage;
  /** After run, the menu stays open on the same page and redraws it. */
  stay?: boolean;
  /** Drawn highlighted (a toggle that is on, a step waiting for confirmation). */
  active?: boolean;
  /** Drawn greyed and does nothing. */
  disabled?: boolean;
}

export interface XrMenuRow {
  /** Prefix of the row's control names. */
  name: string;
  label: string;
  actions: readonly XrMenuAction[];
}

export interface XrMenuPage {
  title: string;
  /** Buttons across the top of the page. */
  actions: readonly XrMenuAction[];
  /** A list, a text and its buttons per row. */
  rows: readonly XrMenuRow[];
  /** Said where the list has no rows. */
  empty: string;
}

/** Rows of a page's list shown at once; more are paged. */
export const XR_MENU_ROWS_PER_PAGE = 7;

export function makeButton(name: string, label: string, onClick: () => void, size = 30, background = "#1d4e5f"): Button {
  const b = Button.CreateSimpleButton(name, label);
  b.fontSize = size;
  b.color = "#ffffff";
  b.background = background;
  b.thickness = 0;
  b.cornerRadius = 10;
  b.paddingTop = "6px";
  b.paddingBottom = "6px";
  b.paddingLeft = "6px";
  b.paddingRight = "6px";
  if (b.textBlock) b.textBlock.textWrapping = true;
  b.onPointerClickObservable.add(onClick);
  return b;
}

export function addHeading(stack: StackPanel, text: string): void {
  const title = new TextBlock("xr-menu-title", text);
  title.fontSize = 44;
  title.fontWeight = "700";
  title.color = "#ffffff";
  title.height = "70px";
  stack.addControl(title);
}

/** A row of buttons of equal width, after a label when given. */
export function addActionRow(stack: StackPanel, name: string, actions: readonly XrMenuAction[], press: (a: XrMenuAction) => void, height = 110, label?: string): void {
  const row = new Grid(name);
  row.height = `${height}px`;
  row.paddingTop = height >= 110 ? "16px" : "8px";
  const labelShare = label === undefined ? 0 : 0.34;
  if (label !== undefined) {
    row.addColumnDefinition(labelShare);
    const text = new TextBlock(`${name}-label`, label);
    text.fontSize = 28;
    text.color = "#ffffff";
    text.textWrapping = true;
    text.textHorizontalAlignment = TextBlock.HORIZONTAL_ALIGNMENT_LEFT;
    row.addControl(text, 0, 0);
  }
  for (let c = 0; c < actions.length; c++) row.addColumnDefinition((1 - labelShare) / actions.length);
  actions.forEach((a, i) => {
    const b = makeButton(a.name, a.label, () => press(a), 26, a.disabled ? "#4a5560" : a.active ? "#c79a2b" : "#7a4b00");
    b.isEnabled = a.disabled !== true;
    row.addControl(b, 0, i + (label === undefined ? 0 : 1));
  });
  stack.addControl(row);
}

/** The first row to show: where the list shrank (visitors left) below it, its last page. */
export function firstRowShown(first: number, count: number): number {
  if (first < count) return first;
  return Math.max(0, Math.ceil(count / XR_MENU_ROWS_PER_PAGE) - 1) * XR_MENU_ROWS_PER_PAGE;
}

/** A page: its title and top actions, one screenful of its list from `first`, then `nav` (back, more). */
export function addPage(stack: StackPanel, p: XrMenuPage, first: number, nav: readonly XrMenuAction[], press: (a: XrMenuAction) => void): void {
  addHeading(stack, p.title);
  if (p.actions.length > 0) addActionRow(stack, "xr-menu-page-actions", p.actions, press);
  const rows = p.rows.slice(first, first + XR_MENU_ROWS_PER_PAGE);
  if (rows.length === 0) {
    const none = new TextBlock("xr-menu-empty", p.empty);
    none.fontSize = 30;
    none.color = "#ffffff";
    none.height = "90px";
    stack.addControl(none);
  }
  for (const r of rows) addActionRow(stack, r.name, r.actions, press, 96, r.label);
  addActionRow(stack, "xr-menu-nav", nav, press);
}
