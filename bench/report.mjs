/**
 * The benchmark's report as Markdown: the main table (medians, p95 over runs in parentheses, and
 * every µs/token also above the floor), the app against each reference above the floor, the
 * targets met and missed, and one line per run for the console.
 */

import { aboveFloor, floorRatio, medianOf } from './targets.mjs';

/** @typedef {import('./targets.mjs').Cell} Cell */
/** @typedef {import('./targets.mjs').TargetResult} TargetResult */
/** @typedef {import('./run-metrics.mjs').RunMetrics} RunMetrics */

/**
 * A number for a table: thousands grouped from 1,000, `–` when not finite.
 * @param {number} value
 * @param {number} [digits]
 */
export function fmt(value, digits = 1) {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en');
  return value.toFixed(digits);
}

/** Columns of the main table: metric, heading, digits, scale. */
const COLUMNS = /** @type {[keyof RunMetrics, string, number, number][]} */ ([
  ['usPerToken', 'µs/token', 1, 1],
  ['busy', 'busy %', 1, 100],
  ['byteToPaintP95Ms', 'byte→paint p95 ms', 1, 1],
  ['lastByteToFinalPaintMs', 'last byte→final paint ms', 1, 1],
  ['loafCount', 'LoAF ≥50ms', 0, 1],
  ['loafMaxMs', 'worst LoAF ms', 0, 1],
  ['frameWorkFirstMs', 'frame work first 10% ms', 2, 1],
  ['frameWorkLastMs', 'frame work last 10% ms', 2, 1],
  ['frameWorkRatio', 'last/first', 2, 1],
  ['rafMaxGapMs', 'max rAF gap ms', 0, 1],
  ['keyToPaintP95Ms', 'key→paint p95 ms', 1, 1],
  ['heapMB', 'heap MB', 1, 1],
  ['nodes', 'DOM nodes', 0, 1],
]);

/** @param {Cell[]} cells */
export function markdownTable(cells) {
  const headings = COLUMNS.map((c) => c[1]);
  headings.splice(1, 0, 'µs/token − floor');
  const lines = [
    `| workload | panel | renderer | runs | ${headings.join(' | ')} |`,
    `|---|---|---|---|${headings.map(() => '---:').join('|')}|`,
  ];
  for (const cell of cells) {
    const s = cell.summary;
    const values = COLUMNS.map(([key, , digits, scale]) => {
      if (!s) return '–';
      const m = s[key].median * scale;
      const p = s[key].p95 * scale;
      return cell.runs.length > 1 ? `${fmt(m, digits)} (${fmt(p, digits)})` : fmt(m, digits);
    });
    values.splice(1, 0, cell.variant === 'floor' ? '0' : fmt(aboveFloor(cells, cell)));
    const failed = cell.errors.length > 0 ? ` (${cell.errors.length} failed)` : '';
    lines.push(
      `| ${cell.row} | ${cell.mode} | ${cell.variant} | ${cell.runs.length}${failed} | ${values.join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/**
 * @typedef {object} FloorComparison
 * @property {string} row
 * @property {string} mode
 * @property {number} app µs/token − floor.
 * @property {number} streamdown
 * @property {number} reactMarkdown
 * @property {number} vsStreamdown (app − floor) / (Streamdown − floor).
 * @property {number} vsReactMarkdown (app − floor) / (react-markdown − floor).
 */

/**
 * The app against both references above the floor, per row and mode that has a floor.
 * @param {Cell[]} cells
 * @returns {FloorComparison[]}
 */
export function floorComparisons(cells) {
  return cells
    .filter((c) => c.variant === 'app' && Number.isFinite(medianOf(cells, c, 'floor')))
    .map((app) => {
      const floor = medianOf(cells, app, 'floor');
      return {
        row: app.row,
        mode: app.mode,
        app: medianOf(cells, app, 'app') - floor,
        streamdown: medianOf(cells, app, 'streamdown') - floor,
        reactMarkdown: medianOf(cells, app, 'react-markdown') - floor,
        vsStreamdown: floorRatio(cells, app, 'streamdown'),
        vsReactMarkdown: floorRatio(cells, app, 'react-markdown'),
      };
    });
}

/** @param {FloorComparison[]} rows */
export function floorTable(rows) {
  return [
    '| workload | panel | app − floor | streamdown − floor | react-markdown − floor | (app − floor) / (streamdown − floor) | (app − floor) / (react-markdown − floor) |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.row} | ${r.mode} | ${fmt(r.app)} | ${fmt(r.streamdown)} | ${fmt(r.reactMarkdown)} | ${fmt(r.vsStreamdown, 2)} | ${fmt(r.vsReactMarkdown, 2)} |`,
    ),
  ].join('\n');
}

/** @param {TargetResult[]} targets */
export function targetTable(targets) {
  return [
    '| target | scope | value (median) | limit | result |',
    '|---|---|---:|---|---|',
    ...targets.map(
      (t) =>
        `| ${t.target} | ${t.scope} | ${fmt(t.value, 2)} | ${t.limit} | ${t.result === 'missed' ? '**missed**' : t.result} |`,
    ),
  ].join('\n');
}

/** One run, for the console. @param {RunMetrics} m */
export function runLine(m) {
  return [
    `${fmt(m.usPerToken)} µs/tok`,
    `busy ${fmt(m.busy * 100)}%`,
    `b→p p95 ${fmt(m.byteToPaintP95Ms)} ms`,
    `settle ${fmt(m.lastByteToFinalPaintMs)} ms`,
    `LoAF ${m.loafCount}${m.loafCount > 0 ? ` (max ${fmt(m.loafMaxMs, 0)} ms)` : ''}`,
    `work ${fmt(m.frameWorkFirstMs, 2)}→${fmt(m.frameWorkLastMs, 2)} ms`,
    `key p95 ${fmt(m.keyToPaintP95Ms)} ms${m.typedInto === 'reasoning-search' ? ' (search)' : ''}`,
    `heap ${fmt(m.heapMB)} MB`,
    `${m.status}${m.complete ? '' : ' INCOMPLETE'}`,
  ].join(', ');
}
