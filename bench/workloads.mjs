/**
 * The benchmark's workloads: reasoning and answer lengths, stream rate, earlier turns (see the
 * table in `bench/README.md`). W6 runs only when named.
 */

/** @typedef {import('./workload-model.mjs').WorkloadParams} WorkloadParams */

/**
 * @typedef {object} Workload
 * @property {string} id
 * @property {string} label
 * @property {WorkloadParams} params
 * @property {number} history Earlier turns shown first.
 * @property {'composer' | 'reasoning-search'} [typeInto] Where the mid-stream keystrokes go; the
 *   composer by default (the reference pages have no reasoning search and use their composer).
 */

/** @type {Workload[]} */
export const WORKLOADS = [
  {
    id: 'W1',
    label: 'typical: 800 + 600 tokens at 80 tok/s',
    params: { r: 800, a: 600, rate: 80, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W2',
    label: 'fast: 3,000 + 2,000 at 1,000 tok/s',
    params: { r: 3000, a: 2000, rate: 1000, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W3',
    label: 'extreme: 25,000 + 4,000 at 3,000 tok/s',
    params: { r: 25000, a: 4000, rate: 3000, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W4',
    label: 'firehose: W3 unpaced',
    params: { r: 25000, a: 4000, rate: 0, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W5',
    label: 'history: W2 after 50 earlier turns',
    params: { r: 3000, a: 2000, rate: 1000, tpe: 1, burst: 1, seed: 1 },
    history: 50,
  },
  {
    id: 'W6',
    label: 'long reasoning: 100,000 + 2,000 at 3,000 tok/s',
    params: { r: 100000, a: 2000, rate: 3000, tpe: 1, burst: 1, seed: 1 },
    history: 0,
    typeInto: 'reasoning-search',
  },
];

/** How much the throttled row slows the CPU (a mid-range phone). */
export const THROTTLED_ROW_RATE = 4;

/**
 * @typedef {object} Row One row of the matrix: a workload at a CPU slowdown.
 * @property {Workload} workload
 * @property {number} throttle 1 = none.
 * @property {string} label `W3`, or `W3 4×` when throttled.
 */

/**
 * A row of `workload` at `throttle`.
 * @param {Workload} workload
 * @param {number} throttle
 * @returns {Row}
 */
export function rowOf(workload, throttle) {
  return {
    workload,
    throttle,
    label: throttle === 1 ? workload.id : `${workload.id} ${throttle}×`,
  };
}
