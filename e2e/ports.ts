/**
 * Loopback ports of the servers under test and of their embedded sandboxes. `E2E_PORT_BASE`
 * moves all four, so that two checkouts can run their browser tests side by side.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 5196);
export const E2E_PORT = base + 3;
export const E2E_SANDBOX_PORT = base + 2;
/** A second server whose sandbox takes fault switches, so faults never touch other tests. */
export const FAULT_PORT = base + 1;
export const FAULT_SANDBOX_PORT = base;
