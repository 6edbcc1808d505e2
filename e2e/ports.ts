/** Loopback ports of the server under test and of its embedded sandbox. */
export const E2E_PORT = 5199;
export const E2E_SANDBOX_PORT = 5198;
