"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML, true once React runs in the browser. Forms that submit through a handler
 * keep their button disabled until then: a click that lands before hydration would otherwise submit the
 * form natively, putting what was typed (a password, a note) into the URL of a GET request.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
