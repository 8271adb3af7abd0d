import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";

import { workspaceQuery } from "../api/queries";

const PRODUCT = "Docket";

/** "Board · ENG · Docket": the most specific part first, parts not known yet left out. */
export function documentTitle(parts: ReadonlyArray<string | null | undefined>): string {
  return [...parts.filter((part): part is string => Boolean(part)), PRODUCT].join(" · ");
}

/**
 * Names the browser tab (and what a screen reader announces on navigation) after the screen.
 * `enabled: false` leaves the title to a part shown over this screen (the issue panel over a
 * list or board), which sets its own; when it closes, this one sets its title again.
 */
export function useDocumentTitle(
  parts: ReadonlyArray<string | null | undefined>,
  enabled = true,
): void {
  const title = documentTitle(parts);
  useEffect(() => {
    if (enabled) document.title = title;
  }, [title, enabled]);
}

/** A workspace screen's title: "Members · Rocket · Docket" (the name once the workspace is read). */
export function useWorkspaceTitle(slug: string, screen: string): void {
  const workspace = useQuery(workspaceQuery(slug));
  useDocumentTitle([screen, workspace.data?.name ?? slug]);
}
