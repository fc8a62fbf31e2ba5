import { EnvironmentError, parseEnvironment } from './environment';

describe('parseEnvironment', () => {
  it('fills every default from an empty environment', () => {
    const environment = parseEnvironment({});
    expect(environment).toEqual(
      expect.objectContaining({
        PORT: 3000,
        BULWARK_ROLE: 'all',
        UPLOADS_DIR: './uploads',
        MIGRATIONS_RUN: true,
      }),
    );
    expect(environment.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/bulwark');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BULWARK_ROLE: 'both' }, 'BULWARK_ROLE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MIGRATIONS_RUN: 'maybe' }, 'MIGRATIONS_RUN'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ BULWARK_ADMIN_EMAIL: 'a@example.com' }, 'BULWARK_ADMIN_PASSWORD'],
    [{ EVIDENCE_SWEEP_EVERY_MS: '50' }, 'EVIDENCE_SWEEP_EVERY_MS'],
    [{ INTEL_RESCORE_EVERY_MS: 'hourly' }, 'INTEL_RESCORE_EVERY_MS'],
  ])('stops on %j naming %s', (source, variable) => {
    expect(() => parseEnvironment(source)).toThrow(EnvironmentError);
    expect(() => parseEnvironment(source)).toThrow(new RegExp(`${variable}`));
  });

  it('reads numbers and booleans from strings', () => {
    expect(parseEnvironment({ PORT: '8080', MIGRATIONS_RUN: 'false' })).toEqual(
      expect.objectContaining({ PORT: 8080, MIGRATIONS_RUN: false }),
    );
  });
});
