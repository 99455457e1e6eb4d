import { z } from "zod";

export const ROLES = ["ANALYST", "MANAGER", "AUDITOR", "ADMIN"] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

const ALL: readonly TRole[] = ROLES;
const CASEWORK: readonly TRole[] = ["ANALYST", "MANAGER", "ADMIN"];

// The one permission table (docs/architecture.md, "Who uses it"). Every server action, route handler and page
// checks one of these on the server; the UI only uses it to hide what would be refused anyway.
export const PERMISSIONS = {
  /** One's own account: change password. */
  "account.self": ALL,
  "overview.read": ALL,
  "profiles.read": ALL,
  "profiles.status": CASEWORK,
  "profiles.bulkStatus": ["MANAGER", "ADMIN"],
  "profiles.link": CASEWORK,
  "profiles.notes": CASEWORK,
  // Re-reading one client from Trulioo costs an upstream call; those who work cases need it.
  "profiles.refresh": CASEWORK,
  "profiles.export": ["MANAGER", "AUDITOR", "ADMIN"],
  // Auditors read cases but take evidence through PDF exports, which are themselves audited.
  "files.download": CASEWORK,
  "executions.read": ALL,
  "executions.feedback": CASEWORK,
  "exports.pdf": ["AUDITOR", "ADMIN"],
  "verifications.send": CASEWORK,
  "jobs.read": ALL,
  // Four eyes on large bulk changes: a second manager (never the requester, lib/jobs/decisions.ts) decides.
  "jobs.approve": ["MANAGER", "ADMIN"],
  // Cancelling a job someone else may have asked for; retrying needs the permission of the job's kind.
  "jobs.manage": ["MANAGER", "ADMIN"],
  "sync.read": ALL,
  "sync.run": ["MANAGER", "ADMIN"],
  "sync.settings": ["ADMIN"],
  // The go-live connection check calls every provider read with the installation's credentials.
  "providers.check": ["ADMIN"],
  "audit.read": ["AUDITOR", "ADMIN"],
  "audit.export": ["AUDITOR", "ADMIN"],
  "pii.wipe": ["ADMIN"],
  "users.manage": ["ADMIN"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as TPermission[];

export function can(role: TRole, permission: TPermission): boolean {
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

export function permissionsOf(role: TRole): TPermission[] {
  return ALL_PERMISSIONS.filter((permission) => can(role, permission));
}

export const ROLE_LABELS: Record<TRole, string> = {
  ANALYST: "Analyst",
  MANAGER: "Manager",
  AUDITOR: "Auditor",
  ADMIN: "Admin",
};
