import { requirePageUser } from "@/lib/auth/session";

// Checked here, outside the section's loading boundary, so a refusal answers with a real 403 status.
export default async function SectionLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("executions.read");
  return children;
}
