/**
 * The import rules of docs/ARCHITECTURE.md, enforced in CI (`npm run lint:deps`, part of `npm test`).
 * Dependencies point one way: shared <- domain <- ews and providers <- assistant and connectivity <- server <- cli.
 */
const layer = (name, mayImport) => ({
  name: `${name}-imports`,
  comment: `src/${name} may import only: ${mayImport.join(', ') || 'nothing in src'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...mayImport.map((m) => (m.endsWith(".ts") ? `^src/${m}$` : `^src/${m}/`))] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, except type-only ones (erased at build) and the PowerShell parser, whose statement and expression halves are mutually recursive like the grammar.',
      severity: 'error',
      from: { pathNot: '^src/simulator/shell/(parser|parse-expression)[.]ts$' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    layer('shared', []),
    layer('config', ['shared']),
    layer('domain', ['shared']),
    layer('ews/xml', ['shared']),
    layer('ews/schema', ['ews/xml', 'shared']),
    layer('ews/transport', ['ews/errors.ts', 'ews/error-catalog.ts', 'ews/xml', 'ews/schema', 'shared', 'config']),
    layer('ews/operations', ['ews/schema', 'ews/xml', 'ews/transport', 'ews/errors.ts', 'ews/error-catalog.ts', 'shared']),
    layer('ews/client', ['ews', 'domain', 'shared']),
    layer('ews', ['shared', 'domain']),
    layer('connectivity', ['ews', 'domain', 'shared', 'config']),
    layer('providers', ['domain', 'ews/client', 'ews/errors.ts', 'ews/schema', 'shared']),
    layer('assistant/dialog', ['providers/calendar-provider.ts', 'domain', 'shared']),
    layer('assistant/render', ['assistant/dialog', 'domain', 'shared']),
    layer('assistant/nlu', ['domain', 'shared']),
    layer('simulator/store', ['shared', 'domain', 'ews/schema']),
    layer('simulator/shell', ['simulator/store', 'shared', 'domain']),
    layer('simulator/ews-server', ['simulator/store', 'ews/schema', 'ews/xml', 'shared', 'domain']),
    layer('persistence', ['domain', 'shared', 'config']),
    {
      name: 'nlu-is-pure',
      comment: 'Understanding is pure and deterministic: no Node built-ins (no fs, network, clock or env) in src/assistant/nlu.',
      severity: 'error',
      from: { path: '^src/assistant/nlu/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'simulator-never-uses-the-client',
      comment: 'The simulator must not test itself with our own client: it may not import ews/client, operations or transport.',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { path: '^src/ews/(client|operations|transport)/' },
    },
    {
      name: 'only-config-reads-env',
      comment: 'Only src/config reads process.env (checked by a grep in test/unit/architecture.test.ts).',
      severity: 'ignore',
      from: {},
      to: {},
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    exclude: { path: 'node_modules' },
  },
};
