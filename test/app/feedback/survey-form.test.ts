// The SKM screen: the regulation's 9 unsur with their four answers, nine answers needed, the visit
// token and the chosen agency sent, thanks, skip; and the lobby's end of visit around it.
import assert from "node:assert/strict";
import { createFeedbackDialog } from "../../../src/app/feedback/dialog";
import { createLobbySurvey } from "../../../src/app/feedback/lobby-survey";
import { surveyScreen } from "../../../src/app/feedback/survey-form";
import { SKM_UNSUR } from "../../../src/domain/feedback/skm-unsur";
import { domEnv } from "../ui/dom-env";
import { fakeApi, settle, VISIT } from "./fake-api";

function choose(env: ReturnType<typeof domEnv>, answers: number[]) {
  answers.forEach((a, i) => env.$<HTMLInputElement>(`[data-testid="survey-${i + 1}-${a}"]`)!.dispatchEvent(new env.win.Event("change") as unknown as Event));
}
const submit = (env: ReturnType<typeof domEnv>) => env.$<HTMLFormElement>(".mpp-feedback__form")!.dispatchEvent(new env.win.Event("submit", { cancelable: true }) as unknown as Event);

describe("feedback/survey-form", () => {
  it("asks the 9 unsur in the regulation's words, each with its four answers", () => {
    const env = domEnv();
    const dialog = createFeedbackDialog(env.root, { api: fakeApi().api, i18n: env.i18n });
    dialog.show(surveyScreen(dialog, { visit: VISIT, agencyName: "Imigrasi" }));
    for (const [i, u] of SKM_UNSUR.entries()) {
      const box = env.$(`[data-testid="survey-unsur-${i + 1}"]`)!;
      assert.ok(box.textContent!.includes(u.question.id), `unsur ${i + 1}: the regulation's question`);
      assert.equal(box.querySelectorAll('input[type="radio"]').length, 4, `unsur ${i + 1}: four answers`);
      assert.ok(box.textContent!.includes(`4. ${u.scale[3].id}`), `unsur ${i + 1}: the best answer's words`);
    }
    assert.match(env.$('[data-testid="survey-intro"]')!.textContent!, /Anonim/, "says it is anonymous");
    env.close();
  });

  it("needs all nine answers, then sends them with the visit's token and thanks", async () => {
    const env = domEnv();
    const f = fakeApi();
    const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
    let done = "";
    dialog.show(surveyScreen(dialog, { visit: VISIT, agencyName: "Imigrasi", onDone: (r) => { done = r; } }));
    choose(env, [4, 3, 3, 4, 3, 3, 4, 3]);
    submit(env);
    await settle();
    assert.match(env.$('[data-testid="survey-error"]')!.textContent!, /belum: 9/, "names the unanswered unsur");
    assert.equal(f.calls.length, 0, "nothing sent");
    choose(env, [4, 3, 3, 4, 3, 3, 4, 3, 2]);
    submit(env);
    await settle();
    assert.deepEqual(f.calls[0], ["survey", { agencyId: "3273-imigrasi", serviceId: "3273-imigrasi-paspor-biasa", answers: [4, 3, 3, 4, 3, 3, 4, 3, 2], visitToken: VISIT.token }]);
    assert.ok(env.$('[data-testid="survey-thanks"]'), "thanks");
    env.$<HTMLButtonElement>('[data-testid="survey-done"]')!.click();
    assert.equal(done, "sent");
    assert.equal(dialog.isOpen, false, "closed");
    env.close();
  });

  it("at the lobby: Finish offers the survey for the MPP, the agency last seen preselected; rating ends the visit", async () => {
    const env = domEnv();
    const f = fakeApi();
    const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
    let forgotten = 0;
    let ended = 0;
    const lobby = createLobbySurvey(env.root, {
      i18n: env.i18n, dialog, api: f.api, regionCode: "3273",
      agencies: async () => [{ id: "3273-imigrasi", name: "Imigrasi" }, { id: "3273-samsat", name: "Samsat" }],
      lastAgency: () => ({ id: "3273-samsat", name: "Samsat" }),
      forget: () => { forgotten++; },
    });
    lobby.onDone(() => { ended++; lobby.reset(); });
    const finish = env.$<HTMLButtonElement>('[data-testid="lobby-finish"]')!;
    assert.equal(finish.hidden, true, "no Finish while the lobby rests");
    lobby.setActive(true);
    assert.equal(finish.hidden, false, "Finish during a visit");
    finish.click();
    await settle();
    await settle();
    assert.deepEqual(f.calls[0], ["visit", { kind: "lobby", regionCode: "3273" }], "a lobby visit from the server");
    assert.equal(env.$<HTMLSelectElement>('[data-testid="survey-agency"]')!.value, "3273-samsat", "the agency last seen");
    choose(env, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    submit(env);
    await settle();
    env.$<HTMLButtonElement>('[data-testid="survey-done"]')!.click();
    assert.deepEqual([ended, forgotten, dialog.isOpen, finish.hidden], [1, 1, false, true], "the visit ended and was forgotten");
    env.close();
  });

  it("at the lobby without a network, Finish simply ends the visit", async () => {
    const env = domEnv();
    const f = fakeApi();
    f.state.failVisit = true;
    const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
    const lobby = createLobbySurvey(env.root, { i18n: env.i18n, dialog, api: f.api, regionCode: "3273", agencies: async () => [], lastAgency: () => null, forget: () => {} });
    let ended = 0;
    lobby.onDone(() => { ended++; });
    await lobby.offer();
    assert.deepEqual([ended, dialog.isOpen], [1, false], "nothing to rate offline: the visit ends");
    assert.equal(lobby.rateLabel(), "Beri penilaian lalu selesai");
    env.close();
  });
});
