export { ProjectSettingsScreen } from "./components/ProjectSettingsScreen";
export { ProjectsScreen } from "./components/ProjectsScreen";
