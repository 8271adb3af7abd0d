import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router-dom";

import { CopyField } from "../../../shared/components/CopyField";
import {
  invitationsQuery,
  meQuery,
  membersQuery,
  workspaceQuery,
  type Member,
} from "../../../shared/api/queries";
import { EmptyState, ErrorState, errorMessage, Loading } from "../../../shared/components/States";
import {
  useChangeMemberRole,
  useInviteMember,
  useRemoveMember,
  useRevokeInvitation,
  type Role,
} from "../hooks/useMemberWrites";

const ROLES: Role[] = ["owner", "admin", "member", "guest"];
const ROLE_NAMES: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  guest: "Guest",
};

export function MembersScreen() {
  const { slug = "" } = useParams();
  const workspace = useQuery(workspaceQuery(slug));
  const members = useQuery(membersQuery(slug));
  const role = workspace.data?.role;
  const canManage = role === "owner" || role === "admin";

  return (
    <div className="page">
      <h1>Members</h1>
      {members.isPending ? (
        <Loading label="Loading members" />
      ) : members.isError ? (
        <ErrorState error={members.error} />
      ) : (
        <MemberTable slug={slug} members={members.data} canManage={canManage} />
      )}
      {canManage && (
        <>
          <h2>Invite someone</h2>
          <InviteForm slug={slug} />
          <h2>Open invitations</h2>
          <OpenInvitations slug={slug} />
        </>
      )}
    </div>
  );
}

function MemberTable(props: { slug: string; members: Member[]; canManage: boolean }) {
  const me = useQuery(meQuery());
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {props.canManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.members.map((member) => (
            <MemberRow
              key={member.user.id}
              slug={props.slug}
              member={member}
              canManage={props.canManage}
              isMe={me.data?.id === member.user.id}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberRow(props: { slug: string; member: Member; canManage: boolean; isMe: boolean }) {
  const { slug, member } = props;
  const changeRole = useChangeMemberRole(slug, member.user.id);
  const remove = useRemoveMember(slug, member.user.id);
  const error = changeRole.error ?? remove.error;
  const name = member.user.display_name;

  return (
    <tr>
      <td>
        {name}
        {props.isMe && <span className="muted"> (you)</span>}
        {error && (
          <div className="field-error" role="alert">
            {errorMessage(error)}
          </div>
        )}
      </td>
      <td>{member.user.email}</td>
      <td>
        {props.canManage ? (
          <select
            aria-label={`Access level of ${name}`}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(event) => changeRole.mutate(event.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        ) : (
          ROLE_NAMES[member.role]
        )}
      </td>
      {props.canManage && (
        <td className="actions">
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove ${name} from this workspace?`)) remove.mutate();
            }}
          >
            Remove
          </button>
        </td>
      )}
    </tr>
  );
}

function InviteForm({ slug }: { slug: string }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const invite = useInviteMember(slug);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ email, role }, { onSuccess: () => setEmail("") });
  }

  return (
    <>
      <form onSubmit={onSubmit} className="inline-form">
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {ROLES.filter((r) => r !== "owner").map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={invite.isPending}>
          Send invitation
        </button>
      </form>
      {invite.isError && (
        <p className="field-error" role="alert">
          {errorMessage(invite.error)}
        </p>
      )}
      {invite.data && <InvitationLink token={invite.data.token} email={invite.data.email} />}
    </>
  );
}

function InvitationLink({ token, email }: { token: string; email: string }) {
  const link = `${window.location.origin}/invite/${token}`;
  return (
    <div className="notice invitation-link">
      <p>Invitation created for {email}. Send them this link:</p>
      <CopyField id="invitation-link" label="Invitation link" value={link} copyLabel="Copy link" />
    </div>
  );
}

function OpenInvitations({ slug }: { slug: string }) {
  const invitations = useQuery(invitationsQuery(slug));
  const revoke = useRevokeInvitation(slug);

  if (invitations.isPending) return <Loading label="Loading invitations" />;
  if (invitations.isError) return <ErrorState error={invitations.error} />;
  if (invitations.data.length === 0) return <EmptyState title="No open invitations" />;
  return (
    <>
      {revoke.isError && (
        <p className="field-error" role="alert">
          {errorMessage(revoke.error)}
        </p>
      )}
      <ul className="item-list">
        {invitations.data.map((invitation) => (
          <li key={invitation.id}>
            <span>
              {invitation.email} <span className="muted">· {ROLE_NAMES[invitation.role]}</span>
            </span>
            <span className="muted">
              expires {new Date(invitation.expires_at).toLocaleDateString()}
            </span>
            <button
              type="button"
              className="danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(invitation.id)}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
