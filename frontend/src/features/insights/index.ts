export { InsightsScreen } from "./components/InsightsScreen";
