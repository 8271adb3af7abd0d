export function CreateIssueDialog(props: {
  slug: string;
  projectKey: string | undefined;
  onClose: () => void;
}) {
  return (
    <div role="dialog" aria-label="New issue">
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </div>
  );
}
