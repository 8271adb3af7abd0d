import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";

import { ApiError } from "./shared/api/http";
import { router } from "./app/router";
import { applyStoredTheme } from "./shared/lib/theme";
import "./styles.css";

applyStoredTheme();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again; network trouble (status 0) might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      // Asked even when the browser says it is offline: the failure is shown, not hidden.
      networkMode: "always",
    },
    mutations: {
      // Never paused while offline to be replayed later: a change fails at once, visibly, and
      // one the user has since cancelled (a closed dialog) is never sent.
      networkMode: "always",
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
