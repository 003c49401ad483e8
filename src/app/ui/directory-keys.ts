// The directory's arrow keys: ArrowDown/ArrowUp move through its rows ([data-nav], skipping those in
// a hidden part), Home/End jump, and ArrowUp from the first row goes back to the search box.
/** Moves focus for a key pressed in `panel`; leaves keys it does not handle alone. */
export function moveRowFocus(panel: HTMLElement, searchBox: HTMLElement, e: KeyboardEvent): void {
  const doc = panel.ownerDocument;
  const rows = [...panel.querySelectorAll<HTMLElement>("[data-nav]")].filter((r) => !isHiddenByAncestor(r, panel));
  if (rows.length === 0) return;
  const at = rows.indexOf(doc.activeElement as HTMLElement);
  let next: number | null = null;
  if (e.key === "ArrowDown") next = at < 0 ? 0 : Math.min(rows.length - 1, at + 1);
  else if (e.key === "ArrowUp") next = at <= 0 ? null : at - 1;
  else if (e.key === "Home" && at >= 0) next = 0;
  else if (e.key === "End" && at >= 0) next = rows.length - 1;
  else return;
  e.preventDefault();
  if (next === null) searchBox.focus(); else rows[next]!.focus();
}

function isHiddenByAncestor(node: HTMLElement, panel: HTMLElement): boolean {
  for (let n: HTMLElement | null = node; n && n !== panel; n = n.parentElement) if (n.hidden) return true;
  return false;
}
