/**
 * The targets of issue #16 (and W6's), checked on the medians over runs, panel open: a renderer's
 * cost is judged above the floor (the same stream pipeline rendering nothing), against Streamdown
 * and react-markdown measured side by side in the same run. A target whose reference was not run
 * is reported as not checked; one whose app cell has no completed run is missed.
 */

/** @typedef {import('./variants.mjs').Variant} Variant */

/**
 * @typedef {object} Cell The runs of one workload row × panel mode × variant.
 * @property {string} row The row's label: `W3`, or `W3 4×` when throttled.
 * @property {string} workload The workload's id.
 * @property {number} throttle CPU slowdown (1 = none).
 * @property {'open' | 'folded'} mode
 * @property {Variant} variant
 * @property {import('./run-metrics.mjs').RunMetrics[]} runs
 * @property {string[]} errors
 * @property {Record<string, { median: number, p95: number }>} [summary]
 */

/**
 * @typedef {object} TargetResult
 * @property {string} target
 * @property {string} scope E.g. `W3 open`, `build`.
 * @property {number} value The median (or ratio) checked; NaN when it could not be computed.
 * @property {string} limit
 * @property {'met' | 'missed' | 'not checked'} result
 */

/**
 * The median of `metric` for a variant of a row and mode; NaN when that cell did not run.
 * @param {Cell[]} cells
 * @param {Cell} app
 * @param {Variant} variant
 * @param {string} [metric]
 */
export function medianOf(cells, app, variant, metric = 'usPerToken') {
  const cell = cells.find(
    (c) => c.row === app.row && c.mode === app.mode && c.variant === variant && c.summary,
  );
  return cell?.summary?.[metric]?.median ?? NaN;
}

/**
 * µs/token above the floor of the same row and mode; NaN without a floor cell.
 * @param {Cell[]} cells
 * @param {Cell} cell
 */
export function aboveFloor(cells, cell) {
  return medianOf(cells, cell, cell.variant) - medianOf(cells, cell, 'floor');
}

/**
 * (app − floor) / (reference − floor) in µs/token; NaN when a cell is missing.
 * @param {Cell[]} cells
 * @param {Cell} app
 * @param {Variant} reference
 */
export function floorRatio(cells, app, reference) {
  const floor = medianOf(cells, app, 'floor');
  return (medianOf(cells, app, 'app') - floor) / (medianOf(cells, app, reference) - floor);
}

/**
 * @typedef {object} Target
 * @property {string} workload
 * @property {number} throttle
 * @property {string} name
 * @property {string} limit
 * @property {(cells: Cell[], app: Cell) => number} value
 * @property {(value: number) => boolean} pass
 * @property {Variant[]} [needs] Reference variants the value compares with.
 */

/** @param {string} metric @returns {(cells: Cell[], app: Cell) => number} */
const appMedian = (metric) => (cells, app) => medianOf(cells, app, 'app', metric);

/** @type {Target[]} */
export const TARGETS = [
  ...[
    ['streamdown', 0.6],
    ['react-markdown', 0.2],
  ].map(([reference, limit]) => ({
    workload: 'W3',
    throttle: 1,
    name: `app − floor ≤ ${limit}× ${reference} − floor (µs/token)`,
    limit: `≤ ${limit}`,
    needs: /** @type {Variant[]} */ (['floor', reference]),
    value: (/** @type {Cell[]} */ cells, /** @type {Cell} */ app) =>
      floorRatio(cells, app, /** @type {Variant} */ (reference)),
    pass: (/** @type {number} */ v) => v <= Number(limit),
  })),
  ...['W3', 'W6'].map((workload) => ({
    workload,
    throttle: 1,
    name: 'no long animation frame ≥ 50 ms',
    limit: '0',
    value: appMedian('loafCount'),
    pass: (/** @type {number} */ v) => v === 0,
  })),
  ...['W3', 'W6'].map((workload) => ({
    workload,
    throttle: 1,
    name: 'per-frame work, last 10% / first 10% ≤ 1.5×',
    limit: '≤ 1.5',
    value: appMedian('frameWorkRatio'),
    pass: (/** @type {number} */ v) => v <= 1.5,
  })),
  {
    workload: 'W3',
    throttle: 1,
    name: 'byte→paint p95 ≤ 33 ms',
    limit: '≤ 33 ms',
    value: appMedian('byteToPaintP95Ms'),
    pass: (v) => v <= 33,
  },
  {
    workload: 'W3',
    throttle: 1,
    name: 'last byte → final paint ≤ 50 ms',
    limit: '≤ 50 ms',
    value: appMedian('lastByteToFinalPaintMs'),
    pass: (v) => v <= 50,
  },
  {
    workload: 'W1',
    throttle: 1,
    name: 'app − floor ≤ streamdown − floor (µs/token)',
    limit: '≤ 1',
    needs: ['floor', 'streamdown'],
    value: (cells, app) => floorRatio(cells, app, 'streamdown'),
    pass: (v) => v <= 1,
  },
  {
    workload: 'W3',
    throttle: 4,
    name: 'fewer long frames than streamdown (app − streamdown)',
    limit: '< 0',
    needs: ['streamdown'],
    value: (cells, app) =>
      medianOf(cells, app, 'app', 'loafCount') - medianOf(cells, app, 'streamdown', 'loafCount'),
    pass: (v) => v < 0,
  },
  {
    workload: 'W3',
    throttle: 4,
    name: 'no long frame over 100 ms',
    limit: '≤ 100 ms',
    value: appMedian('loafMaxMs'),
    pass: (v) => v <= 100,
  },
  {
    workload: 'W3',
    throttle: 4,
    name: 'app − floor < streamdown − floor (µs/token)',
    limit: '< 1',
    needs: ['floor', 'streamdown'],
    value: (cells, app) => floorRatio(cells, app, 'streamdown'),
    pass: (v) => v < 1,
  },
  {
    workload: 'W6',
    throttle: 1,
    name: 'DOM ≤ 10,000 nodes at the end',
    limit: '≤ 10,000',
    value: appMedian('nodes'),
    pass: (v) => v <= 10_000,
  },
  {
    workload: 'W6',
    throttle: 1,
    name: 'JS heap ≤ 64 MB at the end',
    limit: '≤ 64 MB',
    value: appMedian('heapMB'),
    pass: (v) => v <= 64,
  },
  {
    workload: 'W6',
    throttle: 1,
    name: 'reasoning search keystroke → paint p95 ≤ 50 ms',
    limit: '≤ 50 ms',
    value: appMedian('keyToPaintP95Ms'),
    pass: (v) => v <= 50,
  },
];

/** The initial JavaScript budget, KB gzip. */
export const BUNDLE_BUDGET_KB = 150;

/**
 * Checks every target whose row and panel-open app cell were run, and the bundle budget.
 * @param {Cell[]} cells
 * @param {{ gzipKB: number }} bundle
 * @returns {TargetResult[]}
 */
export function checkTargets(cells, bundle) {
  /** @type {TargetResult[]} */
  const results = [];
  for (const app of cells.filter((c) => c.variant === 'app' && c.mode === 'open')) {
    const scope = `${app.row} ${app.mode}`;
    const targets = TARGETS.filter(
      (t) => t.workload === app.workload && t.throttle === app.throttle,
    );
    if (targets.length > 0 && !app.summary) {
      results.push({ target: 'runs completed', scope, value: 0, limit: '≥ 1', result: 'missed' });
      continue;
    }
    for (const target of targets) {
      const ran = (target.needs ?? []).every((v) =>
        cells.some((c) => c.row === app.row && c.variant === v),
      );
      const value = target.value(cells, app);
      /** @type {TargetResult['result']} */
      const result = !ran
        ? 'not checked'
        : Number.isFinite(value) && target.pass(value)
          ? 'met'
          : 'missed';
      results.push({ target: target.name, scope, value, limit: target.limit, result });
    }
  }
  results.push({
    target: `initial JS ≤ ${BUNDLE_BUDGET_KB} KB gzip`,
    scope: 'build',
    value: bundle.gzipKB,
    limit: `≤ ${BUNDLE_BUDGET_KB} KB`,
    result: bundle.gzipKB <= BUNDLE_BUDGET_KB ? 'met' : 'missed',
  });
  return results;
}
