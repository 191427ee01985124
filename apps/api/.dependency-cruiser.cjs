/**
 * The API's folders depend on each other one way (ARCHITECTURE.md, "Dependencies run one
 * way"): a cycle between two folders of apps/api/src (feature folders and their subfolders),
 * through any number of others and through type-only imports too, fails `npm run lint` (the
 * api project's lint target).
 * @type {import('dependency-cruiser').IConfiguration}
 */
const cycle = { circular: true };
const comment =
  'Folders of apps/api/src must not depend on each other in a circle: move what both need to a folder below them (common/, documents/, access/, users/, libs/editor).';

module.exports = {
  forbidden: [
    { name: 'no-folder-cycle', severity: 'error', comment, scope: 'folder', from: { path: '^apps/api/src' }, to: cycle },
  ],
  options: {
    // Type-only imports are dependencies too: a cycle of types is still a cycle of modules.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'apps/api/tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Specs may reach across folders to set up what they test.
    exclude: { path: '\\.spec\\.ts$' },
  },
};
