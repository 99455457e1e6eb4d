import { executionList, type TExecutionFilters } from "@/lib/executions/schemas";
import { profileList, type TProfileFilters } from "@/lib/profiles/schemas";

// Where each bar and point of the overview leads: the list filtered to exactly the rows it counts.
// The filters are typed by the lists' own contracts, so a renamed filter breaks the build here.

type TList<P extends { filters: unknown }> = { defaults: P; parse(query: URLSearchParams): { notices: string[] }; toQuery(params: P): string };

/**
 * The list URL, or null when the list would not read the filters back as given (a value its schema
 * refuses, such as an upstream label with characters the URL filter does not take): a link that
 * silently opened a wider list would show a different count than the bar.
 */
function listHref<P extends { filters: unknown }>(path: string, list: TList<P>, filters: P["filters"]): string | null {
  const query = list.toQuery({ ...list.defaults, filters });
  return list.parse(new URLSearchParams(query)).notices.length ? null : `${path}?${query}`;
}

export const profilesHref = (filters: TProfileFilters) => listHref("/profiles", profileList, filters);
export const executionsHref = (filters: TExecutionFilters) => listHref("/executions", executionList, filters);
