// The components of a Standar Pelayanan (PermenPANRB 15/2014, lampiran): six the citizen sees
// (service delivery) and eight the unit manages (manufacturing). A service record already holds
// most of them (requirements, procedure, time, fee, product, complaints, legal basis); the seven
// below are kept beside it in `standard` and shown in the workspace, the import template and the
// export. Labels in both languages are the only copy (the form, the template headers, the preview).
import type { Lang } from "../format";

export const STANDARD_FIELDS = [
  "facilities",
  "competence",
  "supervision",
  "staffing",
  "serviceGuarantee",
  "safetyGuarantee",
  "performanceEvaluation",
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];
export type StandardFields = Record<StandardField, string | null>;

export const STANDARD_LABELS: Readonly<Record<Lang, Record<StandardField, string>>> = {
  id: {
    facilities: "Sarana, prasarana, dan/atau fasilitas",
    competence: "Kompetensi pelaksana",
    supervision: "Pengawasan internal",
    staffing: "Jumlah pelaksana",
    serviceGuarantee: "Jaminan pelayanan",
    safetyGuarantee: "Jaminan keamanan dan keselamatan pelayanan",
    performanceEvaluation: "Evaluasi kinerja pelaksana",
  },
  en: {
    facilities: "Facilities and infrastructure",
    competence: "Staff competence",
    supervision: "Internal supervision",
    staffing: "Number of staff",
    serviceGuarantee: "Service guarantee",
    safetyGuarantee: "Security and safety guarantee",
    performanceEvaluation: "Staff performance evaluation",
  },
};

export function emptyStandard(): StandardFields {
  return Object.fromEntries(STANDARD_FIELDS.map((f) => [f, null])) as StandardFields;
}

/** A stored `standard` JSON value read leniently: unknown keys dropped, missing ones null. */
export function readStandard(value: unknown): StandardFields {
  const out = emptyStandard();
  if (typeof value !== "object" || value === null) return out;
  for (const f of STANDARD_FIELDS) {
    const v = (value as Record<string, unknown>)[f];
    out[f] = typeof v === "string" && v.trim() !== "" ? v : null;
  }
  return out;
}
