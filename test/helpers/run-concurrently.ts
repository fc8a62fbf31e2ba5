/**
 * Runs every step with at most `limit` in flight: enough to race, while staying under the
 * app's connection pool, whose waiters would otherwise time out behind linking's lock.
 */
export async function runConcurrently(
  steps: (() => Promise<unknown>)[],
  limit: number,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, steps.length) }, async () => {
    while (next < steps.length) {
      const step = steps[next];
      next += 1;
      await step();
    }
  });
  await Promise.all(lanes);
}
