export function AcceptInvitationScreen() {
  return <main className="page"><h1>AcceptInvitationScreen</h1></main>;
}
