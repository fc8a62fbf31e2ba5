import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bulwark_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_REDIS_PREFIX = process.env.TEST_REDIS_PREFIX ?? 'bulwark-test';
export const TEST_UPLOADS_DIR =
  process.env.TEST_UPLOADS_DIR ?? join(tmpdir(), 'bulwark-test-uploads');

/** The environment every e2e app starts from; a test overrides only what it is about. */
export function testEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    BULWARK_ROLE: 'all',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: TEST_REDIS_PREFIX,
    UPLOADS_DIR: TEST_UPLOADS_DIR,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    REGISTER_MAX_PER_IP: '100000',
    OUTBOX_POLL_MS: '50',
    JOB_BACKOFF_MS: '100',
    LOG_LEVEL: 'silent',
    // tesseract loads its language data per worker; files about OCR turn it on.
    INTEL_OCR_ENABLED: 'false',
    ...overrides,
  };
}
