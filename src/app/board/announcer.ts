// What the lobby board says and when: a call is announced when a counter's callId changes from one
// board to the next (a recall changes it too), never for the board a screen starts with (those calls
// are old). Announcements play one after another: a chime made with WebAudio (nothing to download),
// then the sentence read aloud in Indonesian by speechSynthesis when the browser has an Indonesian
// voice (a foreign voice reading Indonesian numbers helps nobody; the chime and the screen remain).
import { spokenCall } from "../../domain/queue/number";
import type { Board } from "../../domain/queue/shapes";

export interface Announcement {
  counterId: string;
  label: string;
  agencyShortName: string;
  number: string;
  callId: number;
  /** "Nomor antrean B empat belas, silakan ke loket B2." */
  sentence: string;
}

/** The calls in `next` that `prev` had not shown, oldest first; none when there is no previous board or the day changed. */
export function newCalls(prev: Board | null, next: Board): Announcement[] {
  if (!prev || prev.date !== next.date) return [];
  const before = new Map(prev.counters.map((c) => [c.counterId, c.callId]));
  const out: Announcement[] = [];
  for (const c of next.counters) {
    if (c.number === null || c.callId === null || before.get(c.counterId) === c.callId) continue;
    let sentence: string;
    try {
      sentence = spokenCall(c.number, c.label).id;
    } catch {
      sentence = `Nomor antrean ${c.number}, silakan ke loket ${c.label}.`;
    }
    out.push({ counterId: c.counterId, label: c.label, agencyShortName: c.agencyShortName, number: c.number, callId: c.callId, sentence });
  }
  return out.sort((a, b) => a.callId - b.callId);
}

export interface AnnouncerDeps {
  chime(): Promise<void>;
  speak(sentence: string): Promise<void>;
  /** Shown as the hero number while it is announced. */
  onShow(a: Announcement): void;
}

/** Plays announcements one at a time; a backlog longer than `maxQueue` keeps only the newest. */
export class Announcer {
  private readonly queue: Announcement[] = [];
  private playing = false;
  /** Every announcement made (for the test hook); bounded. */
  readonly log: Announcement[] = [];

  constructor(private readonly deps: AnnouncerDeps, private readonly maxQueue = 6) {}

  enqueue(list: readonly Announcement[]): void {
    this.queue.push(...list);
    if (this.queue.length > this.maxQueue) this.queue.splice(0, this.queue.length - this.maxQueue);
    void this.play();
  }

  private async play(): Promise<void> {
    if (this.playing) return;
    this.playing = true;
    try {
      for (let a = this.queue.shift(); a; a = this.queue.shift()) {
        this.log.push(a);
        if (this.log.length > 50) this.log.shift();
        this.deps.onShow(a);
        await this.deps.chime().catch(() => undefined);
        await this.deps.speak(a.sentence).catch(() => undefined);
      }
    } finally {
      this.playing = false;
    }
  }
}

interface AudioWindow { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext }

/** A two-tone chime ("ding-dong") synthesized with WebAudio; `ready()` is false while the browser holds sound back. */
export function createChime(win: Window): { chime(): Promise<void>; ready(): boolean; unlock(): Promise<void> } {
  const Ctor = (win as unknown as AudioWindow).AudioContext ?? (win as unknown as AudioWindow).webkitAudioContext;
  let ctx: AudioContext | null = null;
  const context = () => (ctx ??= Ctor ? new Ctor() : null);
  return {
    ready: () => { const c = context(); return c !== null && c.state === "running"; },
    async unlock() { await context()?.resume(); },
    async chime() {
      const c = context();
      if (!c) return;
      if (c.state !== "running") await c.resume().catch(() => undefined);
      if (c.state !== "running") return;
      const t0 = c.currentTime + 0.02;
      for (const [freq, start] of [[880, 0], [660, 0.45]] as const) {
        const osc = c.createOscillator();
        const gain = c.createGain();
        osc.type = "sine";
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t0 + start);
        gain.gain.exponentialRampToValueAtTime(0.5, t0 + start + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + 0.9);
        osc.connect(gain).connect(c.destination);
        osc.start(t0 + start);
        osc.stop(t0 + start + 1);
      }
      await new Promise((r) => win.setTimeout(r, 1400));
    },
  };
}

/** Reads a sentence aloud with an Indonesian voice; resolves when done (or at once when there is none). */
export function createSpeaker(win: Window): { speak(sentence: string): Promise<void>; available(): boolean } {
  const synth = "speechSynthesis" in win ? win.speechSynthesis : null;
  const voice = () => synth?.getVoices().find((v) => /^(id|in)([-_]|$)/i.test(v.lang)) ?? null;
  return {
    available: () => voice() !== null,
    speak(sentence) {
      const v = voice();
      if (!synth || !v) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const Utterance = (win as unknown as { SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance;
        const u = new Utterance(sentence);
        u.voice = v;
        u.lang = v.lang;
        u.rate = 0.9;
        const done = () => { win.clearTimeout(guard); resolve(); };
        // A voice that never reports its end must not stop later announcements.
        const guard = win.setTimeout(resolve, 12_000);
        u.onend = done;
        u.onerror = done;
        synth.speak(u);
      });
    },
  };
}
