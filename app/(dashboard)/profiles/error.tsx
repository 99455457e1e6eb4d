"use client";

import { DataTableError } from "@/components/data-table/data-table-error";

export default function ListError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <DataTableError {...props} path="/profiles" />;
}
