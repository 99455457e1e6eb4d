"use client";

import { useEffect, useState } from "react";

const TYPING = "input, textarea, select, [contenteditable='true'], [role='dialog'], [role='menu'], [role='listbox']";

/**
 * j/k move the active row, Enter opens it, x toggles its selection, / focuses the search, ? opens
 * the help. Keys typed into a field or inside a dialog or menu are left alone.
 */
export function useRowKeyboard(props: {
  rowIds: string[];
  onOpen: (id: string) => void;
  onToggle?: (id: string) => void;
  onHelp: () => void;
}) {
  const [active, setActive] = useState<string | null>(null);
  const { rowIds, onOpen, onToggle, onHelp } = props;
  const current = active && rowIds.includes(active) ? active : null;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest(TYPING)) return;
      const index = current ? rowIds.indexOf(current) : -1;
      const move = (to: number) => {
        const id = rowIds[Math.max(0, Math.min(rowIds.length - 1, to))];
        if (!id) return;
        setActive(id);
        document.querySelector(`[data-row-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" });
      };
      if (event.key === "j") move(index + 1);
      else if (event.key === "k") move(index < 0 ? 0 : index - 1);
      // Enter on a focused button or link is that control's own.
      else if (event.key === "Enter" && current && !target?.closest("button, a")) onOpen(current);
      else if (event.key === "x" && current && onToggle) onToggle(current);
      else if (event.key === "/") (document.querySelector("[data-list-search]") as HTMLInputElement | null)?.focus();
      else if (event.key === "?") onHelp();
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, rowIds, onOpen, onToggle, onHelp]);

  return current;
}
