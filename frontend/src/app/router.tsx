import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router-dom";

import { AppLayout } from "./AppLayout";
import { RequireSession } from "./RequireSession";
import { HomeRedirect } from "./HomeRedirect";
import { SignInScreen } from "../features/auth";
import { SignUpScreen } from "../features/auth";
import { AcceptInvitationScreen } from "../features/auth";
import { WorkspacesScreen } from "../features/workspaces";
import { ProjectsScreen } from "../features/projects";
import { MembersScreen } from "../features/members";
import { ProjectSettingsScreen } from "../features/projects";
import { IssueListScreen } from "../features/issues";
import { IssueBoardScreen } from "../features/board";
import { IssueDetailScreen } from "../features/issues";
import { NotFoundScreen } from "./NotFoundScreen";
import { InboxScreen } from "../features/inbox";
import { TokensScreen } from "../features/tokens";
import { WebhooksScreen } from "../features/webhooks";
import { Loading } from "../shared/components/States";

// The charts library is loaded only by the insights screens.
const InsightsScreen = lazy(() =>
  import("../features/insights").then((module) => ({ default: module.InsightsScreen })),
);
const insights = (
  <Suspense fallback={<Loading label="Loading insights" />}>
    <InsightsScreen />
  </Suspense>
);

export const router = createBrowserRouter([
  { path: "/signin", element: <SignInScreen /> },
  { path: "/signup", element: <SignUpScreen /> },
  { path: "/invite/:token", element: <AcceptInvitationScreen /> },
  {
    element: <RequireSession />,
    children: [
      { path: "/", element: <HomeRedirect /> },
      { path: "/workspaces", element: <WorkspacesScreen /> },
      {
        path: "/w/:slug",
        element: <AppLayout />,
        children: [
          { index: true, element: <ProjectsScreen /> },
          { path: "inbox", element: <InboxScreen /> },
          { path: "members", element: <MembersScreen /> },
          { path: "tokens", element: <TokensScreen /> },
          { path: "webhooks", element: <WebhooksScreen /> },
          { path: "insights", element: insights },
          { path: "p/:projectKey", element: <Navigate to="issues" replace /> },
          { path: "p/:projectKey/issues", element: <IssueListScreen /> },
          { path: "p/:projectKey/board", element: <IssueBoardScreen /> },
          { path: "p/:projectKey/insights", element: insights },
          { path: "p/:projectKey/settings", element: <ProjectSettingsScreen /> },
          { path: "i/:issueKey", element: <IssueDetailScreen /> },
        ],
      },
    ],
  },
  { path: "*", element: <NotFoundScreen /> },
]);
