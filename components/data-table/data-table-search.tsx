"use client";

import { useEffect, useRef, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";

/**
 * Search box: applied after a short pause in typing, or at once on Enter. "/" focuses it. The list
 * remounts its table on each new URL, so the box starts from the URL's value.
 */
export function DataTableSearch(props: { value: string; placeholder: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(props.value);
  const ref = useRef<HTMLInputElement>(null);
  const { onChange, value } = props;
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChange(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="relative w-full max-w-xs">
      <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
      <Input
        ref={ref}
        type="search"
        data-list-search
        aria-label="Search"
        placeholder={props.placeholder}
        className="h-8 pl-8"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange(text.trim());
          if (e.key === "Escape") ref.current?.blur();
        }}
      />
    </div>
  );
}
