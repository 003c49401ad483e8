// The help desk inside each MPP (glTF role `help-desk`, its panel anchor a `kiosk` of kind
// `help-desk`): pointing at the desk or its board (mouse, touch, a controller's ray, a pinch) opens
// the help-desk screen, from which a visitor asks, complains or fills in the SKM. Its board shows the
// MPP's satisfaction index (IKM) of this year, from GET /api/v1/regions/{code}/ikm.
import type { RegionDetail } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { PickRouter } from "../pick/pick-router";
import { roleRoute } from "../pick/pick-router";
import type { Places } from "../places/places";
import type { SignText } from "../world/sign-atlas";
import { counterPanelPose } from "./kiosk-geometry";
import type { KioskController } from "./kiosk-controller";
import type { KioskHost } from "./kiosk-host";
import type { KioskApi, KioskIkm } from "./screens/screen";
import { ftext } from "./screens/feedback-text";

export interface HelpDeskDeps {
  places: Places;
  kiosks: KioskHost;
  picks: PickRouter;
  api: KioskApi;
  i18n: Pick<I18n, "lang" | "onChange">;
}

export interface HelpDeskFeature {
  /** Opens the help desk of the building the visitor is in; null outside or without a desk. */
  open(): KioskController | null;
  /** The board's text for a region (and its index once known), in the visitor's language. */
  boardText(region: Pick<RegionDetail, "code">, ikm?: KioskIkm | null): SignText;
  dispose(): void;
}

const STYLE = { background: "#0d2a3a", foreground: "#ffffff", accent: "#c79a2b" } as const;

export function createHelpDesk(deps: HelpDeskDeps): HelpDeskFeature {
  const { places, kiosks, i18n } = deps;
  // The index per region for this page (the board is redrawn on a language change without asking again).
  const known = new Map<string, KioskIkm>();

  function boardText(_region: Pick<RegionDetail, "code">, ikm: KioskIkm | null = null): SignText {
    const { lang } = i18n;
    const subtitle = !ikm ? ftext(lang, "board.waiting")
      : ikm.ikm === null ? ftext(lang, "board.noIkm", { year: ikm.year })
      : ftext(lang, "board.ikm", { year: ikm.year, ikm: ikm.ikm.toLocaleString(lang === "en" ? "en-US" : "id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }), mutu: ikm.mutu ?? "-", n: ikm.respondents });
    return { title: ftext(lang, "board.title"), subtitle, style: STYLE };
  }

  function open(): KioskController | null {
    const inside = places.interior;
    if (!inside?.helpDesk) return null;
    return kiosks.open([{ kind: "help-desk", regionCode: inside.region.code }], counterPanelPose(inside.helpDesk));
  }

  function paint() {
    const inside = places.interior;
    if (inside?.helpDesk) inside.setBoard(boardText(inside.region, known.get(inside.region.code) ?? null));
  }

  async function loadIndex(code: string) {
    if (!deps.api.feedback) return;
    try {
      const ikm = await (await deps.api.feedback()).regionIkm(code);
      known.set(code, ikm);
      if (places.interior?.region.code === code) paint();
    } catch {
      // The board keeps its invitation; the index is also at /layanan/{code}/ikm.
    }
  }

  const offs = [
    deps.picks.set("help-desk", roleRoute("help-desk", () => void open())),
    places.onChange((place) => {
      if (place.kind !== "building" || !places.interior?.helpDesk) return;
      paint();
      void loadIndex(place.region);
    }),
    i18n.onChange(() => paint()),
  ];

  return {
    open,
    boardText,
    dispose() {
      for (const off of offs.splice(0)) off();
    },
  };
}
