export { MembersScreen } from "./components/MembersScreen";
