// Voice in the presence panel (issue 16, point 6): the guide's "Bicara" (microphone on/off) and
// the word per visitor; visitors see who speaks and whether they have the word. A refused or
// missing microphone, or blocked playback, is said in words with what to do; the rest goes on.
// Names are set as text (textContent), never as HTML.
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import type { Peer } from "../../domain/presence";
import type { Voice, VoiceState } from "../presence/voice";
import { createListenerBag, el } from "./dom";
import { liveSection } from "./live-section";

export interface VoicePanelDeps {
  i18n: Pick<I18n, "t" | "onChange">;
  voice: Voice;
  /** The others in the room, and how to name one. */
  peers(): Peer[];
  label(p: Peer): string;
  /** Tells the panel when the room's people changed. */
  onPeers(listener: () => void): () => void;
}

export interface VoicePanel {
  readonly section: HTMLElement;
  dispose(): void;
}

export function createVoicePanel(root: HTMLElement, deps: VoicePanelDeps): VoicePanel {
  const doc = root.ownerDocument;
  const { i18n, voice } = deps;
  const bag = createListenerBag();

  const title = el(doc, "h3", { class: "mpp-presence__title" });
  const headphones = el(doc, "p", { class: "mpp-presence__explain" });
  const talk = el(doc, "button", { type: "button", class: "mpp-button", "aria-pressed": "false", "data-testid": "voice-talk" });
  const floorList = el(doc, "ul", { class: "mpp-voice__floor", "data-testid": "voice-floor-list" });
  const guidePart = el(doc, "div", { class: "mpp-presence__body" }, talk, floorList);
  const mine = el(doc, "p", { class: "mpp-presence__status", "data-testid": "voice-word" });
  const speaking = el(doc, "p", { class: "mpp-presence__status", role: "status", "aria-live": "polite", "data-testid": "voice-speaking" });
  const problem = el(doc, "p", { class: "mpp-presence__error", role: "alert", hidden: true, "data-testid": "voice-problem" });
  const resume = el(doc, "button", { type: "button", class: "mpp-button", hidden: true, "data-testid": "voice-resume" });
  const section = el(doc, "section", { class: "mpp-voice", "data-testid": "voice" }, title, headphones, guidePart, mine, speaking, problem, resume);

  let floorKey = "";
  const nameOf = (id: string) => {
    const p = deps.peers().find((x) => x.id === id);
    return p ? deps.label(p) : i18n.t("voice.you");
  };

  function render(s: VoiceState = voice.state): void {
    section.hidden = s.role === "off";
    title.textContent = i18n.t("voice.title");
    headphones.textContent = i18n.t("voice.headphones");
    const guide = s.role === "guide";
    guidePart.hidden = !guide;
    talk.textContent = i18n.t(s.talking ? "voice.stop" : "voice.talk");
    talk.setAttribute("aria-pressed", String(s.talking));
    const visitors = guide ? deps.peers().filter((p) => p.role === "visitor") : [];
    // Rebuilt only when the visitors, their word or the language change: a button under the
    // pointer must not be replaced by every "who speaks" update.
    const key = JSON.stringify([i18n.t("voice.giveWord", { name: "" }), visitors.map((p) => [p.id, p.floor, deps.label(p)])]);
    if (key !== floorKey) {
      floorKey = key;
      floorList.replaceChildren(...visitors.map((p) => {
        const b = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "voice-floor", "data-peer": p.id, "aria-pressed": String(p.floor) });
        b.textContent = i18n.t(p.floor ? "voice.takeWord" : "voice.giveWord", { name: deps.label(p) });
        b.addEventListener("click", () => voice.setFloor(p.id, !p.floor));
        const li = doc.createElement("li");
        li.appendChild(b);
        return li;
      }));
    }
    mine.hidden = guide;
    mine.textContent = s.floor ? i18n.t("voice.youHaveWord") : i18n.t("voice.listening");
    const names = s.speaking.map(nameOf);
    speaking.textContent = names.length ? i18n.t("voice.speaking", { names: names.join(", ") }) : i18n.t("voice.silence");
    problem.hidden = s.problem === null;
    problem.textContent = s.problem === null ? "" : i18n.t(`voice.problem.${s.problem}` as StringKey);
    resume.hidden = s.problem !== "autoplay";
    resume.textContent = i18n.t("voice.resume");
  }

  bag.on(talk, "click", () => void voice.setTalking(!voice.state.talking));
  bag.on(resume, "click", () => voice.resumeAudio());
  return liveSection(section, bag, render, [voice.onChange, i18n.onChange, deps.onPeers]);
}
