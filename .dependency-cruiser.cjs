// Import boundaries of `src/`, checked by `npm run lint` (dependency-cruiser).
//
// Layers, each importing only those below it:
//
//   app ──► features ──► providers · storage · lib · components ──► core
//
// - `src/core` is the pure core: it imports nothing outside itself (its tests may use `src/testing`).
// - A feature never imports another feature; what two features share lives in a lower layer.
// - `src/testing` (test helpers) imports only `core` and `lib`.
// - No import cycles anywhere.
// docs/architecture.md draws the same picture with the path of one delta through it.

/** Files that only tests load. */
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle ties modules into one room; move the shared piece down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'src/core imports only src/core (its tests may also use src/testing).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TEST },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'core-tests-use-core-and-testing',
      severity: 'error',
      from: { path: `^src/core/.*${TEST}` },
      to: { path: '^src/', pathNot: '^src/(core|testing)/' },
    },
    {
      name: 'lower-layers-stay-below-features',
      comment: 'providers, storage, lib and components never import features or app.',
      severity: 'error',
      from: { path: '^src/(providers|storage|lib|components)/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'features-stay-below-app',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'features-are-independent',
      comment: 'A feature never imports another feature; share through a lower layer.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'testing-uses-core-and-lib',
      comment: 'Test helpers build on the core and lib only, so any layer can use them.',
      severity: 'error',
      from: { path: '^src/testing/' },
      to: { path: '^src/', pathNot: '^src/(core|lib|testing)/' },
    },
    {
      name: 'tests-helpers-stay-out-of-the-app',
      comment: 'Only tests import src/testing.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST, '^src/testing/'] },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)__golden__/' },
    tsConfig: { fileName: 'tsconfig.app.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require'] },
  },
};
