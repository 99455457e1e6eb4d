import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { lastPageSize } from "@/lib/list/count";
import { countProfilesWithStatuses, findProfiles, getProfileFilterOptions } from "@/lib/profiles/queries";
import { profileList } from "@/lib/profiles/schemas";
import { findSavedViews } from "@/lib/views/queries";
import { getEnv } from "@/lib/env";
import { STATUS_TARGETS, statusOptions, statusReasons } from "@/lib/profiles/status/transitions";
import { SavedViewsMenu } from "@/components/views/saved-views-menu";
import { PageHeader } from "@/components/layout/page-header";
import { DataTableNotices } from "@/components/data-table/data-table-notices";
import { ProfilesTable } from "@/components/profiles/profiles-table";

export const metadata: Metadata = { title: "Profiles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const user = await requirePageUser("profiles.read");
  const { params, notices } = profileList.parse(await searchParams);
  // The last page needs the total first (to keep page boundaries); every other page reads both at once.
  const pageAndCounts =
    params.cursor?.dir === "last"
      ? countProfilesWithStatuses(params).then(async (c) => [await findProfiles(params, { lastPageSize: lastPageSize(c.total, params.size) }), c] as const)
      : Promise.all([findProfiles(params), countProfilesWithStatuses(params)]);
  const [[page, { total, statusCounts }], options, views] = await Promise.all([
    pageAndCounts,
    getProfileFilterOptions(),
    findSavedViews(user.id, "profiles"),
  ]);
  return (
    <>
      <PageHeader title="Profiles" description="Trulioo end clients, their verification results and linked executions." />
      <DataTableNotices notices={notices} />
      <ProfilesTable
        params={params}
        page={{ ...page, total }}
        options={options}
        statusCounts={statusCounts}
        canExport={can(user.role, "profiles.export")}
        bulkStatus={can(user.role, "profiles.bulkStatus") ? { options: statusOptions(STATUS_TARGETS), reasons: statusReasons(getEnv().STATUS_REASONS) } : null}
        savedViews={<SavedViewsMenu list="profiles" path="/profiles" query={profileList.toQuery({ ...params, page: 1, cursor: null })} views={views} />}
      />
    </>
  );
}
