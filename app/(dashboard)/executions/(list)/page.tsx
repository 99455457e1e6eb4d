import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { lastPageSize } from "@/lib/list/count";
import { countExecutions, findExecutions, getExecutionFilterOptions } from "@/lib/executions/queries";
import { executionList } from "@/lib/executions/schemas";
import { PageHeader } from "@/components/layout/page-header";
import { DataTableNotices } from "@/components/data-table/data-table-notices";
import { ExecutionsTable } from "@/components/executions/executions-table";

export const metadata: Metadata = { title: "Executions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const user = await requirePageUser("executions.read");
  const { params, notices } = executionList.parse(await searchParams);
  const [page, total, options] =
    params.cursor?.dir === "last"
      ? await countExecutions(params).then(async (t) => [await findExecutions(params, { lastPageSize: lastPageSize(t, params.size) }), t, await getExecutionFilterOptions()] as const)
      : await Promise.all([findExecutions(params), countExecutions(params), getExecutionFilterOptions()]);
  return (
    <>
      <PageHeader title="Executions" description="Jumio workflow executions and TrustX process instances, one queue." />
      <DataTableNotices notices={notices} />
      <ExecutionsTable
        params={params}
        page={{ ...page, total }}
        options={options}
        pdfExport={can(user.role, "exports.pdf") ? { retentionHours: getEnv().EXPORT_RETENTION_HOURS } : null}
      />
    </>
  );
}
