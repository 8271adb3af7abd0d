import { useParams } from "react-router-dom";

import { IssueDetail } from "./IssueDetail";

export function IssueDetailScreen() {
  const { slug = "", issueKey = "" } = useParams();
  return (
    <div className="page issue-page">
      <IssueDetail key={issueKey} slug={slug} issueKey={issueKey} />
    </div>
  );
}
