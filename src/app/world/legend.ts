// The plaza legend (role "legend"): which colour means a physical MPP and which a digital-only one,
// drawn from data in the visitor's language. Kept in step with tools/assets palette by the caller.
import type { PanelPainter } from "./sign-atlas";

export interface LegendEntry {
  color: string;
  label: string;
}

/** The legend's region of the plaza's sign atlas, px (the legend quad is 2:1). */
export const LEGEND_PANEL = { width: 1024, height: 512 } as const;

/** The legend drawn into its panel of the plaza's sign atlas (one texture and draw call with the signs). */
export function createLegend(paintPanel: (painter: PanelPainter) => void) {
  return {
    paint(title: string, entries: readonly LegendEntry[]) {
      paintPanel((ctx, width, height) => paintLegend(ctx, width, height, title, entries));
    },
  };
}

/** Title, then one row per entry: its colour swatch and its label (one or two lines, never cut off). */
export function paintLegend(ctx: CanvasRenderingContext2D, width: number, height: number, title: string, entries: readonly LegendEntry[]): void {
  ctx.fillStyle = "#f4f1e8";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1d3540";
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  fitLabel(ctx, title, width - 96, 64, "700", 1);
  ctx.fillText(title, 48, 70);
  const rowH = (height - 150) / Math.max(1, entries.length);
  entries.forEach((e, i) => {
    const y = 150 + rowH * i + rowH / 2;
    ctx.fillStyle = e.color;
    ctx.fillRect(48, y - rowH * 0.3, rowH * 0.6, rowH * 0.6);
    ctx.fillStyle = "#1d3540";
    const x = 48 + rowH * 0.9;
    const lines = fitLabel(ctx, e.label, width - x - 40, Math.round(Math.min(52, rowH * 0.5)));
    const lh = lines.size * 1.15;
    lines.text.forEach((line, k) => ctx.fillText(line, x, y + (k - (lines.text.length - 1) / 2) * lh));
  });
}

/**
 * The largest font (down to 60% of `size`) at which `text` fits `maxWidth` on one line, else two
 * lines split at a space, shrinking further if needed: a legend line is never cut off. Leaves the
 * chosen font set on the context.
 */
export function fitLabel(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, size: number, weight = "500", maxLines = 2): { text: string[]; size: number } {
  const fits = (lines: string[], s: number) => {
    ctx.font = `${weight} ${s}px system-ui, sans-serif`;
    return lines.every((l) => ctx.measureText(l).width <= maxWidth);
  };
  for (let s = size; s >= Math.round(size * 0.6); s -= 2) if (fits([text], s)) return { text: [text], size: s };
  const words = text.split(" ");
  let lines = [text];
  if (maxLines >= 2 && words.length > 1) {
    // Split where the two lines are most even.
    let best = 1;
    for (let i = 1; i < words.length; i++) {
      const a = words.slice(0, i).join(" ").length;
      const b = words.slice(i).join(" ").length;
      const bestDiff = Math.abs(words.slice(0, best).join(" ").length - words.slice(best).join(" ").length);
      if (Math.abs(a - b) < bestDiff) best = i;
    }
    lines = [words.slice(0, best).join(" "), words.slice(best).join(" ")];
  }
  for (let s = size; s > 8; s -= 2) if (fits(lines, s)) return { text: lines, size: s };
  return { text: lines, size: 8 };
}
