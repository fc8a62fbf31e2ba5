import Redis from 'ioredis';
import { Client } from 'pg';
import { REDIS_URL } from './bulwark';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** One client of `url` for `work`, closed after. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every run starts empty: the benchmark's database is dropped and the Redis keys under its
 * prefix (the queues of an earlier run) are deleted.
 */
export async function resetStorage(database: string, redisKeyPrefix: string): Promise<void> {
  await withClient(ADMIN_URL, (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  );
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisKeyPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
