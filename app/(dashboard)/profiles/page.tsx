import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { lastPageSize } from "@/lib/list/count";
import { countProfiles, findProfiles, getProfileFilterOptions } from "@/lib/profiles/queries";
import { profileList } from "@/lib/profiles/schemas";
import { findSavedViews } from "@/lib/views/queries";
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
  const pageAndTotal =
    params.cursor?.dir === "last"
      ? countProfiles(params).then(async (t) => [await findProfiles(params, { lastPageSize: lastPageSize(t, params.size) }), t] as const)
      : Promise.all([findProfiles(params), countProfiles(params)]);
  const [[page, total], options, views] = await Promise.all([pageAndTotal, getProfileFilterOptions(params), findSavedViews(user.id, "profiles")]);
  return (
    <>
      <PageHeader title="Profiles" description="Trulioo end clients, their verification results and linked executions." />
      <DataTableNotices notices={notices} />
      <ProfilesTable
        params={params}
        page={{ ...page, total }}
        options={options}
        canExport={can(user.role, "profiles.export")}
        savedViews={<SavedViewsMenu list="profiles" path="/profiles" query={profileList.toQuery({ ...params, page: 1, cursor: null })} views={views} />}
      />
    </>
  );
}
