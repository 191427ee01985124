/**
 * Shared Jest settings. Some dependencies ship ESM only (uuid 14 under Tiptap's UniqueID);
 * Jest's CommonJS runtime on Node 20 cannot load them, so they resolve to the dual-format
 * copy at the workspace root.
 */
module.exports = {
  testEnvironment: 'node',
  moduleNameMapper: {
    '^uuid$': require.resolve('uuid'),
  },
};
