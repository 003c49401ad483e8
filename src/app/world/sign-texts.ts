// What the signs say, from data and the visitor's language. Colours match the building palette
// (tools/assets/palette.ts): warm walls = physical MPP, amber frame = planned, teal = no physical MPP
// known (none yet, or no source says).
import type { Agency, RegionSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { SignText } from "./sign-atlas";
import type { LegendEntry } from "./legend";

export const STATUS_COLORS = {
  yes: "#e9c79a",
  no: "#a8e6df",
  unknown: "#a8e6df",
  planned: "#ffb238",
} as const;

type T = Pick<I18n, "t">;

export function regionSign(region: RegionSummary | undefined, code: string, i18n: T): SignText {
  const status = region?.physicalMpp.status ?? "unknown";
  // "unknown" means no source was found, not that there is no building: never say "digital only" then.
  const subtitle =
    status === "yes" ? i18n.t("legend.physical")
    : status === "planned" ? i18n.t("legend.plannedPhysical")
    : status === "no" ? i18n.t("legend.digitalOnly")
    : i18n.t("legend.unknownPhysical");
  return {
    title: region?.name ?? code,
    subtitle: `MPP · ${subtitle}`,
    style: {
      background: status === "yes" ? "#5a3b26" : "#0f4f5a",
      foreground: "#ffffff",
      accent: STATUS_COLORS[status],
    },
  };
}

export function legendEntries(i18n: T): LegendEntry[] {
  return [
    { color: STATUS_COLORS.yes, label: i18n.t("legend.physical") },
    { color: STATUS_COLORS.planned, label: i18n.t("legend.plannedPhysical") },
    { color: STATUS_COLORS.unknown, label: i18n.t("legend.noPhysical") },
  ];
}

export function kioskLabel(k: { agency: { shortName: string } }, i18n: T): SignText {
  return {
    title: k.agency.shortName,
    subtitle: i18n.t("kiosk.label"),
    style: { background: "#0d2a3a", foreground: "#ffffff", accent: "#7fd1c7" },
  };
}

export function directorySign(i18n: T): SignText {
  return {
    title: i18n.t("directory.toggle"),
    subtitle: i18n.t("directory.title"),
    style: { background: "#0d2a3a", foreground: "#ffffff", accent: "#e0a526" },
  };
}

/**
 * The sign over an agency's counter, as the hall's own signage reads (in Indonesian, like the
 * building's: the visitor's language is on the kiosk label below it): the agency's short name and
 * its counter labels from the data ("Loket L1 · L2"), or its full name when none are listed.
 */
export function counterSign(agency: Pick<Agency, "shortName" | "name" | "counters">): SignText {
  const labels = agency.counters.map((c) => c.label.trim()).filter((l) => l.length > 0);
  return {
    title: agency.shortName,
    subtitle: labels.length > 0 ? `Loket ${labels.join(" · ")}` : agency.name,
    style: { background: "#f4f1e8", foreground: "#0d2a3a", accent: "#2f6f8f" },
  };
}

/** Over a building's exit door: green, as exit signs are. */
export function exitSign(i18n: T): SignText {
  return {
    title: i18n.t("exit.sign"),
    subtitle: i18n.t("exit.signSub"),
    style: { background: "#0b6b3a", foreground: "#ffffff", accent: "#d8f5e3" },
  };
}
