export { LiveStatus } from "./components/LiveStatus";
export { RealtimeProvider, useRealtimeTopic } from "./components/RealtimeProvider";
