import type { TRole } from "@/lib/auth/permissions";

// Demo and test accounts, one per role. Printed by `npm run demo`; the e2e tests sign in with them.
export const DEMO_USERS: readonly { email: string; name: string; role: TRole; password: string }[] = [
  { email: "analyst@demo.compliance.desk", name: "Ana Lindqvist", role: "ANALYST", password: "analyst-demo-2026" },
  { email: "manager@demo.compliance.desk", name: "Marco Bianchi", role: "MANAGER", password: "manager-demo-2026" },
  { email: "auditor@demo.compliance.desk", name: "Aiko Tanaka", role: "AUDITOR", password: "auditor-demo-2026" },
  { email: "admin@demo.compliance.desk", name: "Adaeze Okafor", role: "ADMIN", password: "admin-demo-2026!" },
];
