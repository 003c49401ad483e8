// The SKM of PermenPANRB 14/2017 as kiosk screens: one unsur per screen with the regulation's
// question and its four answers (1 worst .. 4 best) as rows, so a headset's pointer, a finger or a
// mouse answers it alike; then an optional comment (the panel's keyboard) and "survey-sent", whose
// load sends it. Anonymous, one per visit: the visit (a service read in this page, or this MPP at
// its help desk) is the feedback client's business (src/app/feedback/kiosk-feedback.ts).
import type { RegionDetail } from "../../../domain/types";
import { localName } from "../../../domain/service-sheet";
import { SKM_UNSUR } from "../../../domain/feedback/skm-unsur";
import { CITIZEN_TEXT_MAX, normalizeCitizenText } from "../../../domain/feedback/text";
import { field, navActions, type ScreenDef, type ScreenView, type ViewContext } from "./screen";
import { ftext, pick } from "./feedback-text";

export interface SurveyScreen {
  kind: "survey";
  regionCode: string;
  /** null: the visitor chooses the agency first. */
  agencyId: string | null;
  serviceId: string | null;
  /** The answers so far, 1..4 each, in questionnaire order. */
  answers: number[];
}

export interface SurveySentScreen {
  kind: "survey-sent";
  regionCode: string;
  agencyId: string;
  serviceId: string | null;
  answers: number[];
  comment: string | null;
}

export const COMMENT_MAX = CITIZEN_TEXT_MAX;

export function newSurvey(regionCode: string, opts: { agencyId?: string; serviceId?: string } = {}): SurveyScreen {
  return { kind: "survey", regionCode, agencyId: opts.agencyId ?? null, serviceId: opts.serviceId ?? null, answers: [] };
}

const isAnswer = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 4;

function answersOf(v: unknown, exactly?: number): number[] | null {
  if (!Array.isArray(v) || v.length > SKM_UNSUR.length || (exactly !== undefined && v.length !== exactly) || !v.every(isAnswer)) return null;
  return [...v] as number[];
}

const optional = (v: { [k: string]: unknown }, name: string): string | null | undefined => {
  const x = v[name];
  return x === null || x === undefined ? null : typeof x === "string" && x !== "" ? x : undefined;
};

export function surveyView(screen: SurveyScreen, region: RegionDetail, ctx: ViewContext): ScreenView<SurveyScreen> {
  if (region.code !== screen.regionCode) throw new Error(`kiosk screen survey: region ${region.code} given for ${screen.regionCode}`);
  const { lang } = ctx.i18n;
  const agency = screen.agencyId ? region.agencies.find((a) => a.id === screen.agencyId) : null;
  const base = {
    screen, status: "ready" as const, title: ftext(lang, "survey.title"),
    subtitle: agency ? localName(agency, lang) : region.name,
    notice: { kind: "verified" as const, text: ftext(lang, "survey.anonymous") },
    sections: [], actions: navActions(ctx),
  };
  if (screen.agencyId === null) {
    return { ...base, intro: ftext(lang, "survey.chooseAgency"), items: region.agencies.map((a) => ({ id: a.id, label: localName(a, lang), detail: null })) };
  }
  const n = screen.answers.length;
  const unsur = SKM_UNSUR[n];
  if (unsur) {
    return {
      ...base,
      subtitle: ftext(lang, "survey.question", { n: n + 1, name: pick(lang, unsur.name) }),
      intro: pick(lang, unsur.question),
      items: unsur.scale.map((label, i) => ({ id: String(i + 1), label: `${i + 1}. ${pick(lang, label)}`, detail: null })),
    };
  }
  const draft = ctx.input ?? "";
  const check = normalizeCitizenText(draft);
  return {
    ...base, intro: null,
    items: [{ id: "send", label: ftext(lang, "survey.send"), detail: null }],
    input: {
      label: ftext(lang, "survey.commentLabel"), value: draft, maxLength: COMMENT_MAX, multiline: true,
      hint: draft.trim() !== "" && !check.ok ? pick(lang, check.message) : ftext(lang, "survey.commentHint", { n: [...draft].length, max: COMMENT_MAX }),
    },
  };
}

export const surveyScreen: ScreenDef<SurveyScreen, RegionDetail, SurveyScreen | SurveySentScreen> = {
  kind: "survey",
  parse(v) {
    const regionCode = field(v, "regionCode");
    const agencyId = optional(v, "agencyId");
    const serviceId = optional(v, "serviceId");
    const answers = answersOf(v.answers);
    if (v.kind !== "survey" || !regionCode || agencyId === undefined || serviceId === undefined || !answers) return null;
    if (agencyId === null && answers.length > 0) return null;
    return { kind: "survey", regionCode, agencyId, serviceId, answers };
  },
  key: (s) => `survey:${JSON.stringify([s.regionCode, s.agencyId, s.serviceId, s.answers])}`,
  load: (s, api) => api.region(s.regionCode),
  view: surveyView,
  select(s, itemId, input = "") {
    if (s.agencyId === null) return { ...s, agencyId: itemId };
    if (s.answers.length < SKM_UNSUR.length) {
      const a = Number(itemId);
      return isAnswer(a) ? { ...s, answers: [...s.answers, a] } : null;
    }
    if (itemId !== "send") return null;
    const comment = input.trim() === "" ? null : normalizeCitizenText(input);
    if (comment && !comment.ok) return null;
    return { kind: "survey-sent", regionCode: s.regionCode, agencyId: s.agencyId, serviceId: s.serviceId, answers: s.answers, comment: comment ? comment.text : null };
  },
};

export type SurveyResult = "sent" | "used";

export const surveySentScreen: ScreenDef<SurveySentScreen, SurveyResult, never> = {
  kind: "survey-sent",
  parse(v) {
    const regionCode = field(v, "regionCode");
    const agencyId = field(v, "agencyId");
    const serviceId = optional(v, "serviceId");
    const comment = optional(v, "comment");
    const answers = answersOf(v.answers, SKM_UNSUR.length);
    if (v.kind !== "survey-sent" || !regionCode || !agencyId || serviceId === undefined || comment === undefined || !answers) return null;
    return { kind: "survey-sent", regionCode, agencyId, serviceId, answers, comment };
  },
  key: (s) => `survey-sent:${JSON.stringify([s.regionCode, s.agencyId, s.serviceId, s.answers, s.comment])}`,
  // Sending is the load (once per screen; Retry sends again after a failure).
  async load(s, api) {
    if (!api.feedback) throw new Error(ftext("id", "error.unavailable"));
    const f = await api.feedback();
    try {
      await f.survey({ regionCode: s.regionCode, agencyId: s.agencyId, serviceId: s.serviceId, answers: s.answers, comment: s.comment });
      return "sent";
    } catch (err) {
      if ((err as { code?: unknown } | null)?.code === "visit_used") return "used";
      throw err;
    }
  },
  view(screen, result, ctx) {
    const { lang } = ctx.i18n;
    return {
      screen, status: "ready", title: ftext(lang, "survey.sentTitle"), subtitle: ftext(lang, "survey.title"), intro: null, items: [],
      sections: result === "sent"
        ? [{ heading: ftext(lang, "survey.answersHeading"), lines: SKM_UNSUR.map((u, i) => ({ text: `${pick(lang, u.name)}: ${screen.answers[i]}` })) }]
        : [],
      notice: { kind: result === "sent" ? "verified" : "unverified", text: ftext(lang, result === "sent" ? "survey.sent" : "survey.used") },
      actions: navActions({ ...ctx, canGoBack: false }),
    };
  },
};
