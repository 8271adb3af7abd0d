// The OAuth consent screen an app sends a person to (docs/tokens.md).
export { ConsentScreen } from "./components/ConsentScreen";
