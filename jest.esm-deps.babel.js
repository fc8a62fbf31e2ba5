// Jest on Node 20 cannot require() ES modules; the few dependencies that ship only ESM are
// compiled to CommonJS for tests. The built service needs none of this: Node 20.19+ loads them.
// Some of them declare `const require = createRequire(import.meta.url)`, which would shadow the
// require() calls that the CommonJS transform emits, so that binding is renamed first.
const renameLocalRequire = () => ({
  visitor: {
    Program(path) {
      if (path.scope.hasOwnBinding('require')) path.scope.rename('require', '__esmLocalRequire');
    },
  },
});

module.exports = {
  plugins: [
    renameLocalRequire,
    'babel-plugin-transform-import-meta',
    '@babel/plugin-transform-dynamic-import',
    '@babel/plugin-transform-export-namespace-from',
    '@babel/plugin-transform-modules-commonjs',
  ],
};
