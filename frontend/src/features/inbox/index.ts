export { InboxLink } from "./components/InboxLink";
export { InboxScreen } from "./components/InboxScreen";
