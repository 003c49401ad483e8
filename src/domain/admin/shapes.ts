// The officers' API shapes, declared once (TypeBox): fastify validates and serializes with them,
// the OpenAPI document shows them, and the workspace (src/admin/) types its calls with them.
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { Nullable, OneOf, MPP_STATUSES, AGENCY_LEVELS } from "../types";
import { ROLES } from "./roles";
import { EditableServicePatchSchema, EditableServiceSchema, VerificationClaimSchema } from "./service-fields";
import { AgencyFieldsSchema, AgencyPatchSchema, RegionFieldsSchema, RegionPatchSchema } from "./record-fields";

const Str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const Slug = Type.String({ pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 60 });
const RegionCode = Type.String({ pattern: "^\\d{4}$" });
const Iso = Type.String({ description: "ISO-8601 time" });

export const OfficerSchema = Type.Object({
  username: Type.String(),
  role: OneOf(ROLES),
  region: Nullable(Type.String(), { description: "Kemendagri code; null for province-admin" }),
  agency: Nullable(Type.String(), { description: "Agency slug; null unless editor" }),
});

export const LoginBody = Type.Object({
  username: Str(100),
  password: Str(1024),
}, { additionalProperties: false });
export const UserAnswer = Type.Object({ user: OfficerSchema });
export const OkAnswer = Type.Object({ ok: Type.Boolean() });

// ---- changes and history ----

export const ChangeSchema = Type.Object({
  field: Type.String({ description: "e.g. fee.amount, requirements, standard.facilities, status" }),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: Iso,
  actor: Type.String(),
  role: Nullable(Type.String()),
  address: Nullable(Type.String(), { description: "The client's address; shown to province admins only (null for others)" }),
  action: Type.String(),
  entity: Type.String(),
  changes: Type.Array(ChangeSchema),
  note: Nullable(Type.String()),
});
export const AuditAnswer = Type.Object({ entries: Type.Array(AuditEntrySchema), next: Nullable(Type.Integer(), { description: "afterSeq for the next page" }) });
export const AuditQuery = Type.Object({
  entity: Type.Optional(Type.String({ maxLength: 200, pattern: "^(service|agency|region|officer|counter):[a-z0-9._-]+$", description: "service:ID, agency:ID, region:CODE, officer:NAME, counter:ID (queue calls)" })),
  afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  format: Type.Optional(OneOf(["json", "csv"] as const)),
}, { additionalProperties: false });

// ---- drafts ----

export const DRAFT_STATUSES = ["draft", "in_review", "rejected", "published"] as const;
export const RECORD_KINDS = ["service", "agency", "region"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const draftFields = <S extends TSchema>(fields: S) => ({
  id: Type.Integer(),
  status: OneOf(DRAFT_STATUSES),
  isNew: Type.Boolean(),
  fields,
  changeNote: Type.String(),
  authors: Type.Array(Type.String(), { description: "Everyone who saved the draft: none of them may review it" }),
  createdAt: Iso,
  updatedAt: Iso,
  submittedAt: Nullable(Iso),
  submittedBy: Nullable(Type.String()),
  decidedAt: Nullable(Iso),
  decidedBy: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  /** What the draft changes against the published record (everything, for a new record). */
  changes: Type.Array(ChangeSchema),
});

export const PermissionsSchema = Type.Object({
  edit: Type.Boolean(),
  review: Type.Boolean({ description: "May publish or reject (never true for an author, except a province admin with a reason)" }),
  verify: Type.Boolean(),
  reviewNeedsReason: Type.Boolean({ description: "True when publishing would be the author's own: a written reason is required" }),
});

export const ServiceDraftSchema = Type.Object({
  ...draftFields(EditableServiceSchema),
  verification: Nullable(Type.Object({ source: Type.String(), sourceDate: Type.String(), by: Type.String() })),
});
export const AgencyDraftSchema = Type.Object(draftFields(AgencyFieldsSchema));
export const RegionDraftSchema = Type.Object(draftFields(RegionFieldsSchema));

const REVIEW_STATES = ["never", "due", "current"] as const;

export const PublishedServiceSchema = Type.Object({
  ...EditableServiceSchema.properties,
  id: Type.String(),
  regionCode: Type.String(),
  agencySlug: Type.String(),
  agencyName: Type.String(),
  regionName: Type.String(),
  slug: Type.String(),
  verified: Type.Boolean(),
  lastVerified: Nullable(Type.String()),
  verifiedBy: Nullable(Type.String()),
  sourceDate: Nullable(Type.String()),
  review: OneOf(REVIEW_STATES, { description: "never: not verified; due: verified over 12 months ago (perlu ditinjau); current" }),
  updatedAt: Iso,
});

export const ServiceRecordAnswer = Type.Object({
  kind: Type.Literal("service"),
  id: Type.String(),
  published: Nullable(PublishedServiceSchema),
  draft: Nullable(ServiceDraftSchema),
  can: PermissionsSchema,
});
export const AgencyRecordAnswer = Type.Object({
  kind: Type.Literal("agency"),
  id: Type.String(),
  published: Nullable(Type.Object({ ...AgencyFieldsSchema.properties, id: Type.String(), regionCode: Type.String(), slug: Type.String(), updatedAt: Iso })),
  draft: Nullable(AgencyDraftSchema),
  can: PermissionsSchema,
});
export const RegionRecordAnswer = Type.Object({
  kind: Type.Literal("region"),
  id: Type.String(),
  published: Nullable(Type.Object({ ...RegionFieldsSchema.properties, code: Type.String(), name: Type.String(), updatedAt: Iso })),
  draft: Nullable(RegionDraftSchema),
  can: PermissionsSchema,
});

export const ChangeNote = Type.String({ minLength: 1, maxLength: 1000, description: "Why the change: every draft needs one" });

export const ServiceDraftBody = Type.Object({
  service: EditableServicePatchSchema,
  changeNote: ChangeNote,
  verification: Type.Optional(Nullable(VerificationClaimSchema)),
}, { additionalProperties: false });
export const AgencyDraftBody = Type.Object({ agency: AgencyPatchSchema, changeNote: ChangeNote }, { additionalProperties: false });
export const RegionDraftBody = Type.Object({ region: RegionPatchSchema, changeNote: ChangeNote }, { additionalProperties: false });

export const NewServiceBody = Type.Object({
  service: Type.Object({
    ...EditableServiceSchema.properties,
    regionCode: RegionCode,
    agencySlug: Slug,
    slug: Slug,
  }, { additionalProperties: false }),
  changeNote: ChangeNote,
  verification: Type.Optional(Nullable(VerificationClaimSchema)),
}, { additionalProperties: false });
export const NewAgencyBody = Type.Object({
  agency: Type.Object({ ...AgencyFieldsSchema.properties, regionCode: RegionCode, slug: Slug }, { additionalProperties: false }),
  changeNote: ChangeNote,
}, { additionalProperties: false });

export const SubmitBody = Type.Object({}, { additionalProperties: false });
export const PublishBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 1000, description: "Required (10+ characters) when a province admin publishes their own draft" })),
}, { additionalProperties: false });
export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export const VerifyBody = VerificationClaimSchema;

// ---- lists ----

export const SERVICE_FILTERS = ["all", "unverified", "never-checked", "due-for-review", "drafts"] as const;
export const ServiceListQuery = Type.Object({
  filter: Type.Optional(OneOf(SERVICE_FILTERS, { description: "unverified; never-checked (no lastVerified); due-for-review (verified over 12 months ago); drafts (open draft)" })),
  region: Type.Optional(RegionCode),
  agency: Type.Optional(Slug),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
}, { additionalProperties: false });
export const ServiceListItemSchema = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  agencySlug: Type.String(),
  name: Type.String(),
  feeAmount: Nullable(Type.Integer()),
  verified: Type.Boolean(),
  lastVerified: Nullable(Type.String()),
  review: OneOf(REVIEW_STATES),
  draftStatus: Type.Unsafe<"draft" | "in_review" | null>({ type: ["string", "null"], enum: ["draft", "in_review", null], description: "The open draft's status, if any" }),
  updatedAt: Iso,
});
export const ServiceListAnswer = Type.Object({ services: Type.Array(ServiceListItemSchema), total: Type.Integer({ minimum: 0 }) });

export const DraftListQuery = Type.Object({
  status: Type.Optional(OneOf(["draft", "in_review", "rejected"] as const)),
  mine: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export const DraftListItemSchema = Type.Object({
  kind: OneOf(RECORD_KINDS),
  entityId: Type.String(),
  title: Type.String(),
  status: OneOf(DRAFT_STATUSES),
  isNew: Type.Boolean(),
  regionCode: Type.String(),
  agencySlug: Nullable(Type.String()),
  changeNote: Type.String(),
  authors: Type.Array(Type.String()),
  updatedAt: Iso,
  submittedAt: Nullable(Iso),
  canReview: Type.Boolean(),
});
export const DraftListAnswer = Type.Object({ drafts: Type.Array(DraftListItemSchema) });

// ---- import ----

export const ImportQuery = Type.Object({
  format: OneOf(["csv", "xlsx"] as const),
  commit: Type.Optional(Type.Boolean({ default: false, description: "false: dry run (diff only); true: create drafts when the file has no error" })),
  note: Type.Optional(Type.String({ maxLength: 500, description: "Change note for rows without their own" })),
}, { additionalProperties: false });
export const ImportErrorSchema = Type.Object({
  row: Type.Integer({ minimum: 0, description: "1-based spreadsheet row; 0 for the file as a whole" }),
  column: Nullable(Type.String()),
  message: Type.String(),
});
export const ImportRowSchema = Type.Object({
  row: Type.Integer(),
  id: Type.String(),
  action: OneOf(["new", "edit", "unchanged"] as const),
  changes: Type.Array(ChangeSchema),
});
export const ImportAnswer = Type.Object({
  committed: Type.Boolean(),
  rows: Type.Integer({ minimum: 0 }),
  records: Type.Array(ImportRowSchema),
  errors: Type.Array(ImportErrorSchema),
  drafts: Type.Integer({ minimum: 0, description: "Drafts created or updated (0 on a dry run)" }),
});
export const ExportQuery = Type.Object({
  format: OneOf(["csv", "xlsx"] as const),
  region: Type.Optional(RegionCode),
  agency: Type.Optional(Slug),
  template: Type.Optional(Type.Boolean({ description: "Only the header (and the instructions sheet in XLSX)" })),
}, { additionalProperties: false });

export { MPP_STATUSES, AGENCY_LEVELS };
export type ServiceRecordAnswerT = Static<typeof ServiceRecordAnswer>;
export type PublishedService = Static<typeof PublishedServiceSchema>;
export type ServiceDraft = Static<typeof ServiceDraftSchema>;
export type ServiceListItem = Static<typeof ServiceListItemSchema>;
export type DraftListItem = Static<typeof DraftListItemSchema>;
export type AuditEntryT = Static<typeof AuditEntrySchema>;
export type ImportAnswerT = Static<typeof ImportAnswer>;
export type OfficerT = Static<typeof OfficerSchema>;
