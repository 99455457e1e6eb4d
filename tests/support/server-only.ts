// Vitest stand-in for the `server-only` guard, which only resolves under Next's react-server condition.
export {};
