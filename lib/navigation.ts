import { can, type TPermission, type TRole } from "@/lib/auth/permissions";

export type TNavItem = { href: string; label: string; icon: TNavIcon; permission: TPermission };
export type TNavIcon = "overview" | "profiles" | "executions" | "jobs" | "audit" | "sync" | "users";

// Sidebar entries; each shows only to roles holding its permission (the pages check it again).
export const NAV_ITEMS: readonly TNavItem[] = [
  { href: "/", label: "Overview", icon: "overview", permission: "overview.read" },
  { href: "/profiles", label: "Profiles", icon: "profiles", permission: "profiles.read" },
  { href: "/executions", label: "Executions", icon: "executions", permission: "executions.read" },
  { href: "/jobs", label: "Jobs", icon: "jobs", permission: "jobs.read" },
  { href: "/audit", label: "Audit log", icon: "audit", permission: "audit.read" },
  { href: "/sync", label: "Sync", icon: "sync", permission: "sync.read" },
  { href: "/admin/users", label: "Users", icon: "users", permission: "users.manage" },
];

export function navItemsFor(role: TRole): TNavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
