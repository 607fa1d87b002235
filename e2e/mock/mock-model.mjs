/**
 * The mock provider's model names: what a request's `model` asks for (see `e2e/mock-provider.mjs`
 * for the list) and the recordings it can name.
 */

import { readdir } from 'node:fs/promises';

/**
 * What a request's `model` asks for.
 * @typedef {{ kind: 'http', status: number, text: boolean }
 *   | { kind: 'replay', name: string, delayMs: number, rate: number, mode: 'full' | 'cut' | 'stall', stallMs: number }
 * } MockPlan
 */

/** Default pause after each SSE event, in ms. */
export const DEFAULT_DELAY_MS = 4;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads what a `model` value asks for; `null` when it names nothing the mock knows.
 * @param {string} model
 * @param {ReadonlySet<string>} names The recording names.
 * @param {number} defaultDelayMs
 * @returns {MockPlan | null}
 */
export function parseMockModel(model, names, defaultDelayMs = DEFAULT_DELAY_MS) {
  const httpMatch = /^http-(\d{3})(-text)?$/.exec(model);
  if (httpMatch) {
    const status = Number(httpMatch[1]);
    return status >= 200 && status <= 599
      ? { kind: 'http', status, text: Boolean(httpMatch[2]) }
      : null;
  }
  /**
   * `<name>`, `<name>~<ms>` or `<name>@<events per second>`.
   * @param {string} value
   */
  const recording = (value) => {
    const match = /^(.+?)(?:~(\d+)|@(\d+))?$/.exec(value);
    if (!match || !NAME_PATTERN.test(match[1]) || !names.has(match[1])) return null;
    const rate = match[3] === undefined ? 0 : Number(match[3]);
    const delayMs = match[2] !== undefined ? Number(match[2]) : rate > 0 ? 0 : defaultDelayMs;
    return { name: match[1], delayMs, rate };
  };
  const stall = /^stall-(\d+):(.+)$/.exec(model);
  if (stall) {
    const target = recording(stall[2]);
    return target && { kind: 'replay', ...target, mode: 'stall', stallMs: Number(stall[1]) };
  }
  const cut = /^cut:(.+)$/.exec(model);
  if (cut) {
    const target = recording(cut[1]);
    return target && { kind: 'replay', ...target, mode: 'cut', stallMs: 0 };
  }
  const target = recording(model);
  return target && { kind: 'replay', ...target, mode: 'full', stallMs: 0 };
}

/**
 * The names of the recordings (`<name>.sse`), sorted.
 * @param {string} streamsDir
 * @returns {Promise<string[]>}
 */
export async function recordingNames(streamsDir) {
  const files = await readdir(streamsDir).catch(() => /** @type {string[]} */ ([]));
  return files
    .filter((file) => file.endsWith('.sse'))
    .map((file) => file.slice(0, -'.sse'.length))
    .filter((name) => NAME_PATTERN.test(name))
    .sort();
}
