// Where the end-to-end tests find the app under test and the mock provider it talks to.
// `E2E_APP_PORT` and `E2E_MOCK_PORT` move both, so two checkouts can run their suites side by side.

/** Port of the app under test (`server/start.mjs`), 4173 unless `E2E_APP_PORT` is set. */
export const APP_PORT = Number(process.env.E2E_APP_PORT || 4173);

/** Port of the mock provider (`e2e/mock-provider.mjs`), 4180 unless `E2E_MOCK_PORT` is set. */
export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT || 4180);

/** The mock provider's origin, e.g. `http://127.0.0.1:4180` (its API is under `/v1`). */
export const MOCK_ORIGIN = `http://127.0.0.1:${MOCK_PORT}`;
