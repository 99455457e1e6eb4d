"use client";

import { useEffect, useRef, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";

/**
 * Search box: applied after a short pause in typing, or at once on Enter. "/" focuses it. A search
 * that changes in the URL from elsewhere (Reset, a saved view, Back) replaces the text; the echo of
 * our own search does not, so typing on while the list loads loses nothing.
 */
export function DataTableSearch(props: { value: string; placeholder: string; onChange: (q: string) => void }) {
  const { onChange, value } = props;
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) setText(value);
  }
  const submit = (q: string) => {
    setSent(q);
    onChange(q);
  };
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => {
      setSent(text.trim());
      onChange(text.trim());
    }, 400);
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
          if (e.key === "Enter") submit(text.trim());
          if (e.key === "Escape") ref.current?.blur();
        }}
      />
    </div>
  );
}
