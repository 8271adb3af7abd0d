export { WebhooksScreen } from "./components/WebhooksScreen";
