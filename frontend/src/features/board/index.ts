export { IssueBoardScreen } from "./components/IssueBoardScreen";
