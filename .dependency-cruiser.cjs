// The project's layers, checked on every `npm test` (`npm run layers`).
//
// dependency-cruiser rather than Biome's noRestrictedImports: Biome matches the import string as
// written, so a rule on "src/gas" would have to list every relative spelling ('../gas/x',
// '../../gas/x', …) and still miss re-exports; dependency-cruiser resolves each import to the file it
// loads (through tsconfig), so each rule below names folders, and it finds import cycles, which
// Biome cannot.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'okr-is-pure',
      comment:
        'src/okr/ is the domain: it imports only src/okr/ (no Apps Script adapter, no use case, no Node, no package).',
      severity: 'error',
      from: { path: '^src/okr/' },
      to: { pathNot: '^src/okr/' },
    },
    {
      name: 'gas-not-endpoints',
      comment:
        'src/gas/ wraps Apps Script calls; the use cases in src/endpoints/ call it, never the reverse.',
      severity: 'error',
      // One known exception, type-only: okrWrites.ts takes the row-patch types (CellValue, RowPatch,
      // CheckInLogEntry) from endpoints/sidebar/checkIn.ts. Moving those types below src/endpoints/
      // lets this rule drop the exception; the rule after it keeps the file from importing more.
      from: { path: '^src/gas/', pathNot: '^src/gas/okrWrites[.]ts$' },
      to: { path: '^src/endpoints/' },
    },
    {
      name: 'gas-not-endpoints-exception',
      comment:
        'src/gas/okrWrites.ts may name the check-in plan types of src/endpoints/sidebar/checkIn.ts (type-only) and nothing else of src/endpoints/.',
      severity: 'error',
      from: { path: '^src/gas/okrWrites[.]ts$' },
      to: { path: '^src/endpoints/', pathNot: '^src/endpoints/sidebar/checkIn[.]ts$' },
    },
    {
      name: 'gas-not-endpoints-values',
      comment: 'src/gas/okrWrites.ts takes only types from src/endpoints/, never a value.',
      severity: 'error',
      from: { path: '^src/gas/okrWrites[.]ts$' },
      to: { path: '^src/endpoints/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-not-add-on',
      comment:
        'local/runtime/ is a generic Apps Script runtime: it runs the built artifact and knows nothing of the add-on source.',
      severity: 'error',
      from: { path: '^local/runtime/' },
      to: { path: '^(src|sidebar)/' },
    },
    {
      name: 'runtime-not-okr-fixtures',
      comment:
        'local/runtime/ knows nothing of OKRs: the OKR demo workbook and generators live in local/fixtures/.',
      severity: 'error',
      from: { path: '^local/runtime/' },
      to: { path: '^local/(fixtures|app)/' },
    },
    {
      name: 'scripts-not-tests',
      comment:
        'Build and bench scripts ship without the test suite; shared code lives in local/ or scripts/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'local-not-tests',
      comment: 'The local runtime and sandbox are tools of their own; tests import them, never the reverse.',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^tests/' },
    },
    {
      name: 'sidebar-only-contract',
      comment:
        'The sidebar is a separate bundle: from src/ it takes only the client-server contract (src/api.ts), the pure message formatter (src/okr/core/i18n.ts, with the types it names) and the open reminder’s sentence (src/okr/core/reminder.ts), which the onOpen toast shares.',
      severity: 'error',
      from: { path: '^sidebar/' },
      to: { path: '^src/', pathNot: '^src/(api[.]ts|okr/core/(i18n|model|reminder)[.]ts)$' },
    },
    {
      name: 'src-not-tooling',
      comment:
        'The add-on source ships to Apps Script alone: it never imports the local tools, scripts or tests.',
      severity: 'error',
      from: { path: '^(src|sidebar)/' },
      to: { path: '^(local|scripts|tests)/' },
    },
    {
      name: 'no-circular',
      comment:
        'An import cycle makes load order matter and blurs which module owns a rule. Cycles closed only by `import type` or an `import("…").T` type are allowed: they vanish at run time (the runtime has a few, e.g. workbook.ts and sidecar.ts).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|docs)/' },
    tsConfig: { fileName: 'tsconfig.tests.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
