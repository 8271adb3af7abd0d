// Vitest runs in jsdom; nothing global to set up yet beyond the environment itself.
export {};
