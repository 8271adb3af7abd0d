export { restoreSession, signOut } from "./api/actions";
export { AcceptInvitationScreen } from "./components/AcceptInvitationScreen";
export { SignInScreen } from "./components/SignInScreen";
export { SignUpScreen } from "./components/SignUpScreen";
