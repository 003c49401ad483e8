// The interface in Basa Sunda lemes (the polite register of public service). A DRAFT translation
// until a reviewer confirms it (see data/translations/su.json's `review`). A key missing here falls
// back to Indonesian, which every Sundanese reader also reads.
import type { StringKey } from "./strings";

export const suStrings: Partial<Record<StringKey, string>> = {
};
