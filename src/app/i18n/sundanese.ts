// Everything Basa Sunda adds to the app, in one lazy chunk ("words-su", with su.json): the
// interface (strings-su.ts) and the tables of the modules with their own dictionaries, which
// i18n.ts switches on while the visitor reads Basa Sunda (su-layers.ts). Kept out of the entry
// chunk: a visitor reading Indonesian or English never downloads it.
import type { SundaneseTables } from "./i18n";
import { suStrings } from "./strings-su";

export { SU_REVIEW } from "./strings-su";
import { suTexts } from "./texts-su";
import { suQueue } from "../queue/strings-su";
import { suFeedback } from "../feedback/strings-su";
import { suKiosk } from "../kiosk/screens/feedback-text-su";
import { suGuideNotices } from "../presence/guide-strings-su";

export const SUNDANESE: SundaneseTables = {
  strings: suStrings,
  layers: { queue: suQueue, feedback: suFeedback, kiosk: suKiosk, guide: suGuideNotices, texts: suTexts },
};
