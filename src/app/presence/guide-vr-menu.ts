// The guide's tools in the VR menu (issue 16, point 3, in a headset): gather, share or close the
// kiosk, and a page "Alat pemandu" with lock, chosen names on/off, the guide's microphone, and the
// visitors here, each with give/take the word, mute name and remove (a second press confirms: a
// pointer slips more easily than a mouse). Loaded with import() once the visitor guides: nobody
// else needs it. The menu (xr/xr-menu.ts) draws what this returns; the server checks every command.
import type { Peer } from "../../domain/presence";
import type { I18n } from "../i18n/i18n";
import type { XrMenuAction, XrMenuPage } from "../xr/xr-menu";
import { guideText, type GuideStringKey } from "./guide-strings";
import type { GuideTools } from "./guide-tools";
import { createListeners } from "./listeners";
import type { Tour } from "./tour";
import type { Voice } from "./voice";

export interface GuideVrMenuDeps {
  i18n: Pick<I18n, "t" | "lang" | "onChange">;
  tour: { readonly state: Pick<Tour["state"], "guide">; gather(): void; onChange(listener: () => void): () => void };
  tools: GuideTools;
  voice: Pick<Voice, "state" | "setTalking" | "setFloor"> & { onChange(listener: () => void): () => void };
  /** A peer's name in the guide's language. */
  label(peer: Peer): string;
}

export interface GuideVrMenu {
  /** The buttons of the menu's guide row (none when this visitor does not guide). */
  actions(): XrMenuAction[];
  /** What actions() draws changed. Returns the remover. */
  onChange(listener: () => void): () => void;
  dispose(): void;
}

export function createGuideVrMenu(deps: GuideVrMenuDeps): GuideVrMenu {
  const { tour, tools, voice } = deps;
  const say = (k: GuideStringKey) => guideText(deps.i18n.lang, k);
  const listeners = createListeners<void>();
  /** The visitor whose removal waits for a second press. */
  let confirming: string | null = null;
  /** Runs a page command; any command other than the confirming one cancels a pending removal. */
  const act = (name: string, run: () => void, keepConfirm = false): XrMenuAction => ({
    name, label: "", stay: true,
    run: () => {
      if (!keepConfirm) confirming = null;
      run();
    },
  });

  function toolsPage(): XrMenuPage {
    const s = tools.state;
    const top: XrMenuAction[] = [
      { ...act("xr-guide-lock", () => tools.lock(!s.locked)), label: say(s.locked ? "guide.unlock" : "guide.lock"), active: s.locked },
      { ...act("xr-guide-names", () => tools.setNamesAllowed(!s.namesAllowed)), label: say(s.namesAllowed ? "guide.namesOff" : "guide.namesOn"), active: !s.namesAllowed },
    ];
    const v = voice.state;
    if (v.role === "guide" && v.problem !== "unsupported") {
      top.push({ ...act("xr-guide-talk", () => void voice.setTalking(!v.talking)), label: deps.i18n.t(v.talking ? "voice.stop" : "voice.talk"), active: v.talking });
    }
    if (confirming !== null && !s.visitors.some((x) => x.id === confirming)) confirming = null;
    return {
      title: say("guide.tools"),
      actions: top,
      empty: say("guide.noVisitors"),
      rows: s.visitors.map(({ id, peer }) => ({
        name: `xr-guide-visitor-${id}`,
        label: deps.label(peer),
        actions: [
          { ...act(`xr-guide-floor-${id}`, () => voice.setFloor(id, !peer.floor)), label: say(peer.floor ? "guide.word.take" : "guide.word.give"), active: peer.floor },
          // Only a chosen name can be muted: "Pengunjung N" is already anonymous.
          { ...act(`xr-guide-mute-${id}`, () => tools.muteName(id)), label: say("guide.muteName"), disabled: !peer.chosen },
          confirming === id
            ? { ...act(`xr-guide-remove-${id}`, () => tools.remove(id)), label: say("guide.remove.confirm"), active: true }
            : { ...act(`xr-guide-remove-${id}`, () => { confirming = id; }, true), label: say("guide.remove") },
        ],
      })),
    };
  }

  function actions(): XrMenuAction[] {
    if (!tour.state.guide) return [];
    const out: XrMenuAction[] = [
      { name: "xr-guide-gather", label: deps.i18n.t("tour.gather"), run: () => tour.gather() },
      { name: "xr-guide-share", label: say("guide.shareKiosk"), run: () => void tools.shareKiosk() },
    ];
    if (tools.state.shared) out.push({ name: "xr-guide-close", label: say("guide.closeKiosk"), run: () => tools.closeKiosk() });
    out.push({ name: "xr-guide-tools", label: say("guide.tools"), page: toolsPage });
    return out;
  }

  // Voice tells every "who speaks" change: the menu is told only when what it draws changed.
  const drawn = () => {
    const a = actions();
    const page = a.find((x) => x.page)?.page?.();
    return JSON.stringify([a.map((x) => x.label), page ? [page.actions.map((x) => [x.label, x.active, x.disabled]), page.rows.map((r) => [r.label, r.actions.map((x) => [x.label, x.active, x.disabled])])] : null]);
  };
  let last = drawn();
  const changed = () => {
    const now = drawn();
    if (now === last) return;
    last = now;
    listeners.tell();
  };
  const offs = [tools.onChange(changed), tour.onChange(changed), voice.onChange(changed), deps.i18n.onChange(changed)];

  return {
    actions,
    onChange: listeners.add,
    dispose() {
      for (const off of offs.splice(0)) off();
      listeners.clear();
    },
  };
}
