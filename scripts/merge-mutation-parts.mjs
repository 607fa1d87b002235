// Joins the incremental files of mutation runs over parts of the core into the one a whole-core
// run reads (reports/mutation/stryker-incremental.json), so `npm run mutation` over all of
// src/core reuses every part's results and tests only what changed since.
//
// A whole-core run takes hours on a two-core machine; run it in parts, each with its own file:
//   npm run mutation -- --mutate 'src/core/markdown/**/*.ts,!src/core/**/*.test.ts' \
//     --incrementalFile reports/mutation/parts/markdown.json
// then `node scripts/merge-mutation-parts.mjs` and `npm run mutation`.
//
// The files follow the mutation testing report schema (github.com/stryker-mutator/
// mutation-testing-elements, `mutation-testing-report-schema`): `files` maps each source file to
// its mutants, `testFiles` each test file to its tests. Parts mutate different files; a test file
// that several parts saw is taken from the newest part.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const partsDir = 'reports/mutation/parts';
const target = 'reports/mutation/stryker-incremental.json';

const parts = readdirSync(partsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => join(partsDir, name))
  .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
if (parts.length === 0) {
  console.error(`No incremental files in ${partsDir}.`);
  process.exit(1);
}

let merged;
for (const part of parts) {
  const report = JSON.parse(readFileSync(part, 'utf8'));
  if (merged === undefined) {
    merged = { ...report, files: {}, testFiles: {} };
  }
  for (const [path, file] of Object.entries(report.files ?? {})) {
    if (path in merged.files) console.warn(`${path} is in more than one part; the newest wins.`);
    merged.files[path] = file;
  }
  Object.assign(merged.testFiles, report.testFiles ?? {});
  const mutants = Object.values(report.files ?? {}).reduce((sum, f) => sum + f.mutants.length, 0);
  console.log(`${part}: ${Object.keys(report.files ?? {}).length} files, ${mutants} mutants`);
}
writeFileSync(target, JSON.stringify(merged));
console.log(`Wrote ${target}.`);
