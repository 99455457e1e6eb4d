import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { lastPageSize } from "@/lib/list/count";
import { anyActiveJob, countJobs, findJobs, jobKinds } from "@/lib/jobs/queries";
import { jobList } from "@/lib/jobs/schemas";
import { PageHeader } from "@/components/layout/page-header";
import { DataTableNotices } from "@/components/data-table/data-table-notices";
import { JobsTable } from "@/components/jobs/jobs-table";
import { AutoRefresh } from "@/components/sync/auto-refresh";

export const metadata: Metadata = { title: "Jobs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const user = await requirePageUser("jobs.read");
  const { params, notices } = jobList.parse(await searchParams);
  const [page, total, kinds, active] =
    params.cursor?.dir === "last"
      ? await countJobs(params, user.id).then(async (t) => [await findJobs(params, user.id, { lastPageSize: lastPageSize(t, params.size) }), t, await jobKinds(), await anyActiveJob()] as const)
      : await Promise.all([findJobs(params, user.id), countJobs(params, user.id), jobKinds(), anyActiveJob()]);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Long actions run in the background: bulk status changes, account wipes and PDF exports, with their progress and every item's outcome."
        actions={
          <Link href="/sync" className="text-sm text-primary hover:underline" data-testid="sync-runs-link">
            Sync runs →
          </Link>
        }
      />
      <DataTableNotices notices={notices} />
      <AutoRefresh active={active} />
      <JobsTable params={params} page={{ ...page, total }} kinds={kinds} />
    </>
  );
}
