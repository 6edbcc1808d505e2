/** Loopback ports of the servers under test and of their embedded sandboxes. */
export const E2E_PORT = 5199;
export const E2E_SANDBOX_PORT = 5198;
/** A second server whose sandbox takes fault switches, so faults never touch other tests. */
export const FAULT_PORT = 5197;
export const FAULT_SANDBOX_PORT = 5196;
