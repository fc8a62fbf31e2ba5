// Jest on Node 20 cannot require() ES modules; these dependencies ship only ESM, so tests
// compile them to CommonJS. The built service needs none of this: Node 20.19+ loads them as is.
module.exports = {
  plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-modules-commonjs'],
};
