/**
 * Lists the Demo shares with the app, read from the app's own data files so that neither is
 * written twice: the provider presets Settings offers (`src/providers/provider-presets.json`) and
 * the suggested questions of the empty chat (`src/features/chat/suggested-questions.json`).
 */

import { readFileSync } from 'node:fs';

/**
 * The part of a provider preset the Demo names (see `ProviderPreset` in
 * `src/providers/provider-presets.ts`).
 * @typedef {object} PresetSummary
 * @property {string} id
 * @property {string} name
 * @property {string} baseUrl `''` for Custom.
 * @property {boolean} needsKey
 */

/**
 * A question the empty chat suggests; the Demo has a scripted reply with the same `id`.
 * @typedef {object} SuggestedQuestion
 * @property {string} id
 * @property {string} question
 */

/**
 * Reads a JSON file of the app.
 * @param {string} relativePath From the repository root.
 * @returns {unknown}
 */
function readAppJson(relativePath) {
  return JSON.parse(readFileSync(new URL(`../../${relativePath}`, import.meta.url), 'utf8'));
}

/** The presets Settings lists after the server's own providers, in Settings' order. */
export const PROVIDER_PRESETS = /** @type {readonly PresetSummary[]} */ (
  readAppJson('src/providers/provider-presets.json')
);

/** The questions the empty chat suggests, in the order it shows them. */
export const SUGGESTED_QUESTIONS = /** @type {readonly SuggestedQuestion[]} */ (
  readAppJson('src/features/chat/suggested-questions.json')
);
