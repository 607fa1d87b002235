// Runs every test: the Vitest unit suite, then the Playwright end-to-end suite against the built
// app in Chromium. Prints one closing line `N passed, N failed` and exits non-zero when anything
// failed or no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromiumPath } from '../e2e/support/chromium.mjs';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** @param {string} path */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Counts passed and failed tests in a Vitest JSON report.
 * @param {any} report
 */
function countVitest(report) {
  if (report === undefined) return { passed: 0, failed: 0 };
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

/**
 * Counts passed (incl. flaky) and failed tests in a Playwright JSON report.
 * @param {any} report
 */
function countPlaywright(report) {
  if (report === undefined) return { passed: 0, failed: 0 };
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
  };
}

function hasBrowser() {
  const path = chromiumPath();
  return path !== undefined && existsSync(path);
}

mkdirSync('reports', { recursive: true });

const unitExit = run('node_modules/.bin/vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
const unit = countVitest(readJson('reports/vitest.json'));

let e2e = { passed: 0, failed: 0 };
let e2eExit = 0;
if (hasBrowser()) {
  e2eExit = run('node_modules/.bin/playwright', ['test'], {
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  e2e = countPlaywright(readJson('reports/playwright.json'));
  if (e2eExit !== 0 && e2e.failed === 0) e2e.failed = 1;
} else {
  console.error(
    `\nNo Chromium for the end-to-end tests. Install Debian's:\n` +
      `  sudo apt-get install -y --no-install-recommends chromium fonts-liberation\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome binary.\n`,
  );
  e2e.failed = 1;
}

if (unitExit !== 0 && unit.failed === 0) unit.failed = 1;
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
