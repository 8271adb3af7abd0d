export { CommandPalette } from "./components/CommandPalette";
export type { PaletteMode } from "./components/CommandPalette";
