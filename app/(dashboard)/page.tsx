import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { navItemsFor } from "@/lib/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Overview" };

const SECTION_HELP: Record<string, string> = {
  "/profiles": "Trulioo end clients with their form data, files and service results.",
  "/executions": "Jumio workflow executions and TrustX verification journeys.",
  "/jobs": "Bulk status changes, PII wipes and exports running in the background.",
  "/audit": "Every sign-in, change and refusal, append-only.",
  "/sync": "Provider sync runs, errors and the webhook inbox.",
  "/admin/users": "Accounts, roles and access.",
};

export default async function OverviewPage() {
  const user = await requirePageUser("overview.read");
  const sections = navItemsFor(user.role).filter((item) => item.href !== "/");
  return (
    <>
      <PageHeader
        title="Overview"
        description={`Signed in as ${user.name} · ${ROLE_LABELS[user.role]}`}
      />
      <EmptyState
        title="Nothing to show yet"
        description="Counts by status, the review queue and decisions over time appear here once the first provider sync has run."
      />
      <div className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {sections.map((item) => (
          <Link key={item.href} href={item.href} className="rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <Card className="h-full transition-colors hover:border-primary/40">
              <CardHeader>
                <CardTitle>{item.label}</CardTitle>
                <CardDescription>{SECTION_HELP[item.href]}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
