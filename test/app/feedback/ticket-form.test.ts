// The question/complaint form: what it sends, what it says is stored, a failed send keeping the
// draft, and the tracking code shown after sending.
import assert from "node:assert/strict";
import { createFeedbackDialog } from "../../../src/app/feedback/dialog";
import { ticketFormScreen } from "../../../src/app/feedback/ticket-form";
import { ApiError } from "../../../src/app/api/client";
import { domEnv } from "../ui/dom-env";
import { fakeApi, settle } from "./fake-api";

const data = {
  regions: async () => [{ code: "3273", name: "Kota Bandung" }, { code: "3204", name: "Kabupaten Bandung" }],
  agencies: async (code: string) => (code === "3273" ? [{ id: "3273-imigrasi", name: "Imigrasi" }, { id: "3273-disdukcapil", name: "Disdukcapil" }] : []),
};

function setup() {
  const env = domEnv();
  const f = fakeApi();
  const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
  const opened: string[] = [];
  dialog.show(ticketFormScreen(dialog, data, { regionCode: "3273", agencyId: "3273-imigrasi", serviceId: "3273-imigrasi-paspor-biasa", serviceName: "Paspor biasa", channel: "web" }, (c) => opened.push(c)));
  const type = (testid: string, value: string) => {
    const field = env.$<HTMLTextAreaElement>(`[data-testid="${testid}"]`)!;
    field.value = value;
    field.dispatchEvent(new env.win.Event("input", { bubbles: true }) as unknown as Event);
  };
  const submit = () => env.$<HTMLFormElement>(".mpp-feedback__form")!.dispatchEvent(new env.win.Event("submit", { bubbles: true, cancelable: true }) as unknown as Event);
  return { env, f, dialog, type, submit, opened };
}

describe("feedback/ticket-form", () => {
  it("preselects the region, agency and service it was opened from, and says what is stored", async () => {
    const { env } = setup();
    await settle();
    assert.equal(env.$<HTMLSelectElement>('[data-testid="feedback-region"]')!.value, "3273", "region");
    assert.equal(env.$<HTMLSelectElement>('[data-testid="feedback-agency"]')!.value, "3273-imigrasi", "agency");
    assert.match(env.$('[data-testid="feedback-service"]')!.textContent!, /Paspor biasa/, "service named");
    assert.match(env.$('[data-testid="feedback-stored"]')!.textContent!, /Yang disimpan.*NIK/, "what is stored, and not to write a NIK");
    env.close();
  });

  it("sends kind, region, agency, service, text and contact, then shows the tracking code", async () => {
    const { env, f, type, submit, opened } = setup();
    await settle();
    env.$<HTMLInputElement>('[data-testid="feedback-kind-pengaduan"]')!.dispatchEvent(new env.win.Event("change") as unknown as Event);
    type("feedback-text", "Antrean lama <b>sekali</b>");
    type("feedback-contact", " warga@example.org ");
    submit();
    await settle();
    assert.deepEqual(f.calls.find(([n]) => n === "createTicket")![1], {
      kind: "pengaduan", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: "3273-imigrasi-paspor-biasa",
      text: "Antrean lama <b>sekali</b>", contact: "warga@example.org", lang: "id", channel: "web",
    }, "the body sent");
    assert.equal(env.$('[data-testid="feedback-code"]')!.textContent, "KFDX-4MRA", "the code, as printed");
    env.$<HTMLButtonElement>('[data-testid="feedback-open-ticket"]')!.click();
    assert.deepEqual(opened, ["KFDX4MRA"], "See the status opens the ticket");
    env.close();
  });

  it("keeps the draft and says why when sending fails", async () => {
    const { env, f, type, submit } = setup();
    await settle();
    f.state.failTicket = new ApiError("http", "limit", 429, "daily_limit");
    type("feedback-text", "Pertanyaan yang tidak boleh hilang");
    submit();
    await settle();
    assert.match(env.$('[data-testid="feedback-error"]')!.textContent!, /Batas harian/, "the daily limit, in words");
    assert.equal(env.$<HTMLTextAreaElement>('[data-testid="feedback-text"]')!.value, "Pertanyaan yang tidak boleh hilang", "nothing typed is lost");
    f.state.failTicket = new ApiError("network", "down");
    submit();
    await settle();
    assert.match(env.$('[data-testid="feedback-error"]')!.textContent!, /tidak dapat dihubungi.*tidak hilang/, "offline: try again");
    env.close();
  });

  it("counts characters as the server does (code points) and marks text over 4,000", async () => {
    const { env, type } = setup();
    await settle();
    type("feedback-text", "😀".repeat(4001));
    const count = env.$(".mpp-feedback__count")!;
    assert.match(count.textContent!, /4001 dari 4000/, "4,001 emoji are 4,001 characters, not 8,002");
    assert.ok(count.classList.contains("mpp-feedback__count--over"), "marked as too long");
    env.close();
  });
});
