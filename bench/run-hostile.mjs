/**
 * `npm run bench:hostile`: renders every entry of the hostile markdown corpus
 * (`src/core/markdown/hostile-corpus.ts`) in Chromium with the app's renderer, one-shot and
 * streamed (in 20 growing prefixes, one per animation frame, then finished), and prints each run's
 * time and longest frame (see `bench/hostile/main.tsx` for how they are taken). Exits 1 when a run
 * takes over 1 s, blocks a frame for over 200 ms, or does not show the words after the hostile
 * part; 2 when the harness failed.
 *
 *   npm run bench:hostile               # build bench/dist/hostile, then measure
 *   npm run bench:hostile -- --no-build # reuse the last build
 *
 * Browser and launch flags: those of `npm run bench` (`launch.mjs`).
 */
/* global window -- these callbacks run in the page */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../server/start.mjs';
import { launchOptions, VIEWPORT } from './launch.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(REPO_ROOT, 'bench', 'dist', 'hostile');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');

/** A run over these fails. */
const MAX_TIME_MS = 1000;
const MAX_FRAME_MS = 200;
/** Growing prefixes a streamed run renders before the finished text. */
const STREAM_PARTS = 20;

/** @typedef {{ timeMs: number, longestFrameMs: number, frames: number, isWhole: boolean }} HostileRun */

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('Building bench/dist/hostile…');
    execFileSync(
      VITE,
      ['build', '--config', 'bench/vite.hostile.config.ts', '--logLevel', 'error'],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
      },
    );
  }
  const server = await startServer({ port: 0, env: {}, distDir: DIST, log: () => undefined });
  const launch = launchOptions();
  const browser = await chromium.launch(launch);
  let failures = 0;
  try {
    console.log(
      `Chromium ${browser.version()}, headless; limits: ${MAX_TIME_MS} ms per run, ${MAX_FRAME_MS} ms per frame`,
    );
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => /** @type {any} */ (window).__hostile !== undefined);
    /** @type {string[]} */
    const names = await page.evaluate(() => /** @type {any} */ (window).__hostile.names);
    const header = `${'entry'.padEnd(44)} ${'chars'.padStart(9)} │ one-shot ms  longest frame │ streamed ms  longest frame`;
    console.log(header);
    console.log('─'.repeat(header.length));
    for (const name of names) {
      /** @type {HostileRun} */
      const oneShot = await page.evaluate(
        (n) => /** @type {any} */ (window).__hostile.oneShot(n),
        name,
      );
      /** @type {HostileRun} */
      const streamed = await page.evaluate(
        ([n, parts]) => /** @type {any} */ (window).__hostile.streamed(n, parts),
        /** @type {const} */ ([name, STREAM_PARTS]),
      );
      const chars = await page.evaluate(
        (n) => /** @type {any} */ (window).__hostile.length(n),
        name,
      );
      const problems = [];
      for (const [label, runResult] of /** @type {const} */ ([
        ['one-shot', oneShot],
        ['streamed', streamed],
      ])) {
        if (runResult.timeMs > MAX_TIME_MS)
          problems.push(`${label} took ${Math.round(runResult.timeMs)} ms`);
        if (runResult.longestFrameMs > MAX_FRAME_MS) {
          problems.push(`${label} blocked a frame for ${Math.round(runResult.longestFrameMs)} ms`);
        }
        if (!runResult.isWhole) problems.push(`${label} did not show every word`);
      }
      failures += problems.length > 0 ? 1 : 0;
      const cell = (/** @type {HostileRun} */ r) =>
        `${Math.round(r.timeMs).toString().padStart(11)}  ${Math.round(r.longestFrameMs).toString().padStart(13)}`;
      console.log(
        `${name.padEnd(44)} ${String(chars).padStart(9)} │ ${cell(oneShot)} │ ${cell(streamed)}${problems.length > 0 ? `  ✗ ${problems.join('; ')}` : ''}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    failures === 0 ? 'All entries within limits.' : `${failures} entries over the limits.`,
  );
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
