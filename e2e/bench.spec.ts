import { expect, test } from '@playwright/test';
import { measureRun } from '../bench/measure-run.mjs';
import type { RunMetrics } from '../bench/run-metrics.mjs';
import { NUMERIC_METRICS } from '../bench/summarize.mjs';
import { buildHistory, HISTORY_CONVERSATION_ID } from '../bench/synth-history.mjs';
import { startSynthServer, type RunningSynthServer } from '../bench/synth-server.mjs';

/**
 * The streaming benchmark's harness (`npm run bench`) on a tiny workload against the built app:
 * proves the measurement works end to end. It asserts that the metrics are complete and sane, not
 * that they meet the performance targets (that is `npm run bench`'s job, on a quiet machine).
 */

let synth: RunningSynthServer;

test.beforeAll(async () => {
  synth = await startSynthServer({ port: 0 });
});

test.afterAll(async () => {
  await synth?.close();
});

test('the benchmark harness measures a streamed reply', async ({ page, baseURL }) => {
  test.setTimeout(30_000);
  const params = { r: 200, a: 200, rate: 400, tpe: 1, burst: 1, seed: 3 };
  const metrics: RunMetrics = await measureRun(page, {
    url: `${baseURL}/`,
    kind: 'app',
    synthUrl: synth.url,
    params,
    panel: 'open',
    keystrokes: 5,
    settleMs: 200,
  });

  expect(metrics.status).toBe('done');
  expect(metrics.complete).toBe(true);
  expect(metrics.tokensSent).toBe(params.r + params.a);
  expect(metrics.tokensReceived).toBe(metrics.tokensSent);
  expect(metrics.eventsReceived).toBe(metrics.eventsExpected);
  expect(metrics.probesTimed).toBeGreaterThan(10);
  expect(metrics.probesMissing).toBe(0);
  expect(metrics.typedInto).toBe('composer');
  expect(metrics.renderedReasoningChars).toBeGreaterThan(500);
  expect(metrics.renderedAnswerChars).toBeGreaterThan(300);

  // A 1 s stream is too short to split into first and last tenths reliably on a busy machine;
  // every other number must be a finite, non-negative value.
  const mayBeMissing = new Set(['frameWorkFirstMs', 'frameWorkLastMs', 'frameWorkRatio']);
  for (const key of NUMERIC_METRICS) {
    const value = metrics[key] as number;
    if (mayBeMissing.has(key) && Number.isNaN(value)) continue;
    expect.soft(Number.isFinite(value), `${key} = ${value}`).toBe(true);
    expect.soft(value, key).toBeGreaterThanOrEqual(0);
  }
  expect(metrics.busy).toBeLessThanOrEqual(1.05);
  expect(metrics.taskMs).toBeGreaterThan(0);
  expect(metrics.streamMs).toBeGreaterThan(500);
  expect(metrics.byteToPaintP50Ms).toBeLessThan(2000);
  expect(metrics.heapMB).toBeGreaterThan(0);
  expect(metrics.nodes).toBeGreaterThan(50);
});

test('the benchmark gives the app its history through the JSON import', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(30_000);
  const params = { r: 60, a: 60, rate: 400, tpe: 1, burst: 1, seed: 2 };
  const metrics: RunMetrics = await measureRun(page, {
    url: `${baseURL}/`,
    kind: 'app',
    synthUrl: synth.url,
    params,
    panel: 'open',
    history: 2,
    keystrokes: 0,
    settleMs: 100,
  });

  expect(metrics.status).toBe('done');
  expect(metrics.complete).toBe(true);
  expect(new URL(page.url()).searchParams.get('c')).toBe(HISTORY_CONVERSATION_ID);
  const [first] = buildHistory(2, params.seed);
  await expect(page.getByTestId('user-message').first()).toContainText(first.question);
  await expect(page.getByTestId('assistant-message')).toHaveCount(3);
  await expect(page.getByTestId('answer').first()).toContainText(
    first.answer.split('\n')[0].slice(3),
  );
});
