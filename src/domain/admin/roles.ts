// Officers' roles and what each may do where: one table of permissions, pure, shared by the server
// (which enforces it) and the workspace (which only hides what the server would refuse).
//
//   province-admin  everything in Jawa Barat; may publish their own draft with a written reason
//   region-admin    one kabupaten/kota: its services, agencies, counters, opening hours, MPP status;
//                   reviews and publishes there
//   editor          one agency in one region: drafts (services of that agency) and verification
//
// Later features ask the same table: "queue.call" (the counter's "call next": editors and region
// admins of that agency/region) and "guide" (any officer may lead a tour in presence).
export const ROLES = ["province-admin", "region-admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in officer as every route sees it (request.officer). */
export interface Officer {
  username: string;
  role: Role;
  /** Kemendagri code for region-admin and editor; null for province-admin. */
  region: string | null;
  /** Agency slug for editor; null otherwise. */
  agency: string | null;
}

/** What a request acts on: a region (null: the whole province) and, inside it, an agency slug. */
export interface Scope {
  region: string | null;
  agency: string | null;
}

export const ACTIONS = [
  "service.draft", // create or edit a service draft, submit it
  "service.review", // publish or reject a service draft
  "service.verify", // mark a published record verified against a dated source
  "agency.draft", // agencies and their counters
  "agency.review",
  "region.draft", // MPP status, address, opening hours per weekday
  "region.review",
  "audit.read", // the history of records in scope
  "queue.call", // call the next queue number at a counter (issue 14)
  "queue.settings", // a region's queue: quotas, slot length, letters, agency hours, closed and open days
  "guide", // lead a tour in presence (issue 16)
  "ticket.handle", // questions and complaints: read, take up, answer, forward, close, LAPOR! hand-off (issue 15)
] as const;
export type Action = (typeof ACTIONS)[number];

/** The roles allowed each action (scope is checked separately by covers()). */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  "service.draft": ["province-admin", "region-admin", "editor"],
  "service.review": ["province-admin", "region-admin"],
  "service.verify": ["province-admin", "region-admin", "editor"],
  "agency.draft": ["province-admin", "region-admin"],
  "agency.review": ["province-admin", "region-admin"],
  "region.draft": ["province-admin", "region-admin"],
  "region.review": ["province-admin", "region-admin"],
  "audit.read": ["province-admin", "region-admin", "editor"],
  "queue.call": ["province-admin", "region-admin", "editor"],
  "queue.settings": ["province-admin", "region-admin"],
  guide: ["province-admin", "region-admin", "editor"],
  "ticket.handle": ["province-admin", "region-admin", "editor"],
};

/** True when the officer's territory includes the scope (roles aside). */
export function covers(officer: Officer, scope: Scope): boolean {
  switch (officer.role) {
    case "province-admin":
      return true;
    case "region-admin":
      return scope.region !== null && scope.region === officer.region;
    case "editor":
      return scope.region !== null && scope.region === officer.region && scope.agency !== null && scope.agency === officer.agency;
  }
}

/** The one question every route asks: may this officer do this action on this scope? */
export function can(officer: Officer, action: Action, scope: Scope): boolean {
  return PERMISSIONS[action].includes(officer.role) && covers(officer, scope);
}

/** What an account's role needs: province-admin no region; region-admin a region; editor both. */
export function scopeProblem(role: Role, region: string | null, agency: string | null): string | null {
  if (role === "province-admin" && (region !== null || agency !== null)) return "a province-admin has no --region or --agency";
  if (role === "region-admin" && (region === null || agency !== null)) return "a region-admin needs --region CODE and no --agency";
  if (role === "editor" && (region === null || agency === null)) return "an editor needs --region CODE and --agency SLUG";
  return null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
