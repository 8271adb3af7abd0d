export { TokensScreen } from "./components/TokensScreen";
