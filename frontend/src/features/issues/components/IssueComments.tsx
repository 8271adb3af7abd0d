import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { commentsQuery, meQuery, type Comment } from "../../../shared/api/queries";
import { ErrorState, errorMessage } from "../../../shared/components/States";
import { formatDateTime } from "./display";
import {
  useAddComment,
  useDeleteComment,
  useEditComment,
  type IssueScope,
} from "../hooks/useCommentWrites";
import { Markdown } from "./Markdown";

function CommentItem({ scope, comment, mine }: { scope: IssueScope; comment: Comment; mine: boolean }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const save = useEditComment(scope, comment.id);
  const remove = useDeleteComment(scope, comment.id);

  return (
    <li className="comment">
      <div className="comment-head">
        <strong>{comment.author?.display_name ?? "Deleted user"}</strong>
        <time dateTime={comment.created_at}>{formatDateTime(comment.created_at)}</time>
        {comment.edited_at && <span className="muted">(edited)</span>}
        {mine && !editing && (
          <span className="comment-actions">
            <button type="button" className="link" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="link danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) save.mutate(draft, { onSuccess: () => setEditing(false) });
          }}
        >
          <label className="visually-hidden" htmlFor={`comment-${comment.id}`}>
            Edit comment
          </label>
          <textarea
            id={`comment-${comment.id}`}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="row">
            <button type="submit" className="primary" disabled={save.isPending}>
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(comment.body);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <Markdown text={comment.body} />
      )}
      {(save.error ?? remove.error) && (
        <p className="field-error" role="alert">
          {errorMessage(save.error ?? remove.error)}
        </p>
      )}
    </li>
  );
}

function CommentComposer({ scope }: { scope: IssueScope }) {
  const [body, setBody] = useState("");
  const post = useAddComment(scope);
  const id = `new-comment-${scope.issueKey}`;
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) post.mutate(body, { onSuccess: () => setBody("") });
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Comment
      </label>
      <textarea
        id={id}
        placeholder="Add a comment…"
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      {post.error && (
        <p className="field-error" role="alert">
          {errorMessage(post.error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={post.isPending || !body.trim()}>
        Comment
      </button>
    </form>
  );
}

export function IssueComments({ slug, issueKey }: IssueScope) {
  const comments = useQuery(commentsQuery(slug, issueKey));
  const me = useQuery(meQuery());
  const scope = { slug, issueKey };
  return (
    <section aria-label="Comments">
      <h2>Comments</h2>
      {comments.error && !comments.data && <ErrorState error={comments.error} />}
      <ul className="comments">
        {(comments.data ?? []).map((comment) => (
          <CommentItem
            key={comment.id}
            scope={scope}
            comment={comment}
            mine={Boolean(me.data && comment.author?.id === me.data.id)}
          />
        ))}
      </ul>
      <CommentComposer scope={scope} />
    </section>
  );
}
