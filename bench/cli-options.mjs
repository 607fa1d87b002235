/**
 * The command line of `npm run bench` (documented in `run-bench.mjs` and `bench/README.md`).
 */

import { ALL_VARIANTS } from './variants.mjs';
import { rowOf, THROTTLED_ROW_RATE, WORKLOADS } from './workloads.mjs';

/** @typedef {import('./variants.mjs').Variant} Variant */
/** @typedef {import('./workloads.mjs').Row} Row */

/**
 * @typedef {object} BenchOptions
 * @property {boolean} quick
 * @property {Row[]} rows Workloads at their CPU slowdown, in run order.
 * @property {('open' | 'folded')[]} modes
 * @property {Variant[]} variants
 * @property {number} runs Measured runs per cell.
 * @property {number} warmups Unmeasured runs per cell first.
 * @property {boolean} build
 * @property {boolean} help
 */

const KNOWN = [
  'runs',
  'workloads',
  'modes',
  'variants',
  'throttle',
  'throttle-row',
  'quick',
  'no-build',
  'help',
];

/**
 * Reads the options; throws with a one-line message on an unknown or malformed one.
 * @param {string[]} argv The arguments after the script.
 * @returns {BenchOptions}
 */
export function parseArgs(argv) {
  /** @type {Map<string, string | true>} */
  const flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=');
    if (inline !== undefined) flags.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags.set(name, argv[++i]);
    else flags.set(name, true);
  }
  for (const name of flags.keys()) {
    if (!KNOWN.includes(name)) throw new Error(`Unknown option --${name}`);
  }
  const quick = flags.has('quick');
  const list = (/** @type {string} */ name, /** @type {string} */ fallback) =>
    String(flags.get(name) ?? fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const workloads = list('workloads', quick ? 'W1,W3' : 'W1,W2,W3,W4,W5').map((raw) => {
    const found = WORKLOADS.find((w) => w.id === raw.toUpperCase());
    if (!found) throw new Error(`Unknown workload ${raw} (W1–W6).`);
    return found;
  });
  const throttle = Number(flags.get('throttle') ?? 1);
  if (!Number.isFinite(throttle) || throttle < 1) throw new Error('--throttle must be ≥ 1.');
  const rows = workloads.map((w) => rowOf(w, throttle));
  // The default run, and --throttle-row, add W3 at 4× (a mid-range phone).
  const defaultRun = !quick && !flags.has('workloads') && !flags.has('throttle');
  if ((flags.has('throttle-row') || defaultRun) && throttle !== THROTTLED_ROW_RATE) {
    const w3 = /** @type {import('./workloads.mjs').Workload} */ (
      WORKLOADS.find((w) => w.id === 'W3')
    );
    rows.push(rowOf(w3, THROTTLED_ROW_RATE));
  }
  const modes = /** @type {('open' | 'folded')[]} */ (
    list('modes', quick ? 'open' : 'open,folded')
  );
  for (const mode of modes) {
    if (mode !== 'open' && mode !== 'folded') throw new Error(`Unknown mode ${mode}.`);
  }
  const variants = /** @type {Variant[]} */ (list('variants', ALL_VARIANTS.join(',')));
  for (const variant of variants) {
    if (!ALL_VARIANTS.includes(variant)) throw new Error(`Unknown variant ${variant}.`);
  }
  const runs = Number(flags.get('runs') ?? (quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer.');
  return {
    quick,
    rows,
    modes,
    variants,
    runs,
    warmups: quick ? 0 : 1,
    build: !flags.has('no-build'),
    help: flags.has('help'),
  };
}
