"use client";

import { useCallback, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";

/**
 * Table state lives in the URL: every change is a navigation (Back and Forward work, a view can be
 * bookmarked) and the server component re-reads the list. `pending` dims the table meanwhile.
 */
export function useListNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback(
    (query: string) => startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false })),
    [router, pathname],
  );
  return { navigate, pending };
}
