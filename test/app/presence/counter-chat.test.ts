// Counter chat, app side: booth staff staff a counter with the PIN, a visitor in the same building
// writes to it and gets the answer, the panel shows every line as text (a "<img onerror>" name and
// message stay characters), and an unstaffed counter says so. Real server, ws, happy-dom.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import WebSocket from "ws";
import { build } from "../../../src/server/app";
import { createPresenceClient, type PresenceClient, type SocketLike } from "../../../src/app/presence/presence-client";
import { createCounterChat, type CounterChat } from "../../../src/app/presence/counter-chat";
import { createChatPanel } from "../../../src/app/ui/chat-panel";
import { domEnv } from "../ui/dom-env";

const PIN = "counter-2026";
const AGENCIES = [{ slug: "imigrasi", name: "Kantor Imigrasi" }, { slug: "dukcapil", name: "Disdukcapil" }];

async function until(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("presence/counter-chat (app) with the chat panel", function () {
  this.timeout(20_000);
  let app: FastifyInstance;
  let url = "";
  const made: { client: PresenceClient; chat: CounterChat }[] = [];
  const visitor = async (room: string, name: string | null) => {
    const client = createPresenceClient({
      url,
      createSocket: (u) => new WebSocket(u) as unknown as SocketLike,
      now: () => performance.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    });
    const chat = createCounterChat(client);
    made.push({ client, chat });
    client.start(room, name);
    await until("joined", () => client.status === "joined");
    return { client, chat };
  };

  beforeEach(async () => {
    app = await build({ dbPath: ":memory:", logger: false, rateLimit: false, presence: { tickMs: 20, staffPin: PIN } });
    await app.listen({ port: 0, host: "127.0.0.1" });
    url = `ws://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/presence`;
  });
  afterEach(async () => {
    for (const m of made.splice(0)) {
      m.chat.dispose();
      m.client.dispose();
    }
    await app.close();
  });

  it("a visitor writes to a staffed counter, the officer answers, both panels show text only", async () => {
    const officer = await visitor("3273", "Petugas Imigrasi");
    const citizen = await visitor("3273", "<img src=x onerror=1>");
    officer.chat.staff(PIN, "imigrasi");
    await until("officer staffs imigrasi", () => officer.chat.state.staffing === "imigrasi");
    await until("citizen sees the staffed counter", () => citizen.chat.state.staffed.includes("imigrasi"));

    const env = domEnv();
    const panel = createChatPanel(env.root, { i18n: env.i18n, chat: citizen.chat, agencies: () => AGENCIES, onPlace: () => () => {} });
    env.root.appendChild(panel.section); // the page puts it inside the presence panel
    const select = env.$<HTMLSelectElement>('[data-testid="chat-counter"]')!;
    assert.equal(select.options[0]?.textContent, "Kantor Imigrasi", "the staffed counter is offered by its agency's name");
    env.$<HTMLTextAreaElement>('[data-testid="chat-text"]')!.value = "Syarat paspor <b>apa</b> saja?";
    env.$('[data-testid="chat-send"]')!.click();
    await until("officer got the question", () => officer.chat.state.lines.length === 1);
    const q = officer.chat.state.lines[0]!;
    assert.equal(q.text, "Syarat paspor <b>apa</b> saja?", "the question arrives exactly as typed");
    assert.equal(q.agency, "imigrasi", "addressed to the counter");
    assert.deepEqual(officer.chat.state.writers.map((w) => w.name), ["<img src=x onerror=1>"], "the officer can answer the writer");

    assert.equal(officer.chat.write("KTP dan akta lahir.", { to: officer.chat.state.writers[0]!.id }), true, "the answer is sent");
    await until("citizen got the answer", () => citizen.chat.state.lines.some((l) => !l.mine));
    const items = env.$$('[data-testid="chat-log"] li').map((li) => li.textContent);
    assert.deepEqual(items, ["Anda: Syarat paspor <b>apa</b> saja?", "Petugas Imigrasi: KTP dan akta lahir."], "the log shows both lines as text");
    assert.equal(env.$$('[data-testid="chat-log"] b, [data-testid="chat-log"] img').length, 0, "no markup was created from the text");
    panel.dispose();
    assert.equal(env.$('[data-testid="chat"]'), null, "dispose removes the section");
    env.close();
  });

  it("an unstaffed counter is refused with counter_unstaffed, a wrong PIN with not_authorized", async () => {
    const citizen = await visitor("3204", null);
    citizen.chat.write("Halo?", { agency: "dukcapil" });
    await until("refused", () => citizen.chat.state.error !== null);
    assert.equal(citizen.chat.state.error, "counter_unstaffed", "nobody staffs dukcapil");
    const env = domEnv("en");
    env.root.appendChild(createChatPanel(env.root, { i18n: env.i18n, chat: citizen.chat, agencies: () => AGENCIES, onPlace: () => () => {} }).section);
    assert.equal(env.$('[data-testid="chat-error"]')?.textContent, "Nobody staffs that counter right now.", "the panel says so in English");
    assert.equal(env.$('[data-testid="chat-hint"]')?.textContent, "No officer staffs a counter in this building yet.", "and that no counter is staffed");
    const impostor = await visitor("3204", null);
    impostor.chat.staff("0000", "dukcapil");
    await until("wrong PIN refused", () => impostor.chat.state.error !== null);
    assert.equal(impostor.chat.state.error, "not_authorized", "a wrong staff PIN is refused");
    assert.equal(impostor.chat.state.staffing, null, "and staffs nothing");
    env.close();
  });

  it("refuses an empty or control-character message before sending", async () => {
    const citizen = await visitor("3204", null);
    assert.equal(citizen.chat.write("   ", { agency: "dukcapil" }), false, "blank refused");
    assert.equal(citizen.chat.state.error, "invalid_text", "with invalid_text");
    assert.equal(citizen.chat.write("a\u0000b", { agency: "dukcapil" }), false, "NUL refused");
  });
});
