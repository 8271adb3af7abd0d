export { WorkspacesScreen } from "./components/WorkspacesScreen";
