// Complaint channels as text, one per line "kind | label | address": how the import template, the
// export and the workspace form write them (a spreadsheet cell or a textarea holds lines, not JSON).
import { COMPLAINT_CHANNEL_KINDS, type ComplaintChannelKind } from "../types";

export function formatChannels(channels: ReadonlyArray<{ kind: string; label: string; value: string | null }>): string {
  return channels.map((c) => [c.kind, c.label, c.value ?? ""].join(" | ").replace(/ \| $/, "")).join("\n");
}

export function parseChannels(text: string): { channels: Array<{ kind: ComplaintChannelKind; label: string; value: string | null }>; error: string | null } {
  const channels: Array<{ kind: ComplaintChannelKind; label: string; value: string | null }> = [];
  for (const [i, line] of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).entries()) {
    const [kind, label, ...rest] = line.split("|").map((s) => s.trim());
    if (!kind || !(COMPLAINT_CHANNEL_KINDS as readonly string[]).includes(kind)) {
      return { channels, error: `line ${i + 1}: the kind must be one of ${COMPLAINT_CHANNEL_KINDS.join(", ")} ("kind | label | address")` };
    }
    if (!label) return { channels, error: `line ${i + 1}: a channel needs a label ("kind | label | address")` };
    const value = rest.join("|").trim();
    channels.push({ kind: kind as ComplaintChannelKind, label, value: value === "" ? null : value });
  }
  return { channels, error: null };
}
