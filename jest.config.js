// Type checking runs once in `npm run typecheck`; Jest only transpiles, which keeps the suite fast.
const aliases = {
  '^@trilha/(domain|event-store|read-store|projection|testing)$': '<rootDir>/libs/$1/src',
  '^@trilha/(domain|event-store|read-store|projection|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@trilha/key-store$': '<rootDir>/libs/key-store/src',
  '^@trilha/worker-thread$': '<rootDir>/libs/worker-thread/src',
  '^@trilha/projections$': '<rootDir>/projections',
  '^@trilha/projections/(.*)$': '<rootDir>/projections/$1',
};
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: aliases,
  testTimeout: 30000,
};
