// Nest 12 and a few of its dependencies ship only ES modules; jest on Node 20 cannot require()
// them, so those files are compiled to CommonJS by babel for tests (the built service loads them
// natively through Node's require(esm)).
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  'parse5',
  'parse5-sax-parser',
  'entities',
  'preact',
  'preact-render-to-string',
];

// In the checkout, not /tmp: a clean clone starts without another run's timings, so the order
// files run in is the same for every clean clone (CI's included).
const cacheDirectory = `${__dirname}/.jest-cache`;

const shared = {
  rootDir: __dirname,
  cacheDirectory,
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: `${__dirname}/tsconfig.jest.json`, diagnostics: false }],
    '^.+\\.m?js$': ['babel-jest', { configFile: `${__dirname}/jest.esm-deps.babel.js` }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};

module.exports = {
  cacheDirectory,
  reporters: ['default', '<rootDir>/test/reporters/summary-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    // The screenshot corpus read by the real OCR pool, and the code that scores it.
    { ...shared, displayName: 'corpus', testMatch: ['<rootDir>/test/corpus/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
    },
  ],
  // One database and one Redis: e2e files run one at a time.
  maxWorkers: 1,
  // A project's own testTimeout is ignored; e2e tests wait for background jobs.
  testTimeout: 60_000,
};
