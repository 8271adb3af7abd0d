import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router-dom";

import { AppLayout } from "./AppLayout";
import { RequireSession } from "./RequireSession";
import { HomeRedirect } from "./HomeRedirect";
import { SignInScreen } from "../screens/SignInScreen";
import { SignUpScreen } from "../screens/SignUpScreen";
import { AcceptInvitationScreen } from "../screens/AcceptInvitationScreen";
import { WorkspacesScreen } from "../screens/WorkspacesScreen";
import { ProjectsScreen } from "../screens/ProjectsScreen";
import { MembersScreen } from "../screens/MembersScreen";
import { ProjectSettingsScreen } from "../screens/ProjectSettingsScreen";
import { IssueListScreen } from "../screens/IssueListScreen";
import { IssueBoardScreen } from "../screens/IssueBoardScreen";
import { IssueDetailScreen } from "../screens/IssueDetailScreen";
import { NotFoundScreen } from "../screens/NotFoundScreen";
import { InboxScreen } from "../screens/InboxScreen";
import { TokensScreen } from "../screens/TokensScreen";
import { WebhooksScreen } from "../screens/WebhooksScreen";
import { ConsentScreen } from "../features/oauth/ConsentScreen";
import { Loading } from "../components/States";

// The charts library is loaded only by the insights screens.
const InsightsScreen = lazy(() =>
  import("../screens/InsightsScreen").then((module) => ({ default: module.InsightsScreen })),
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
      { path: "/oauth/authorize", element: <ConsentScreen /> },
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
