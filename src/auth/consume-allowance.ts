import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedProblem } from '../common/problem/problem.exception';

/** Takes one point of `key`'s allowance, or throws 429 with Retry-After and `detail`. */
export async function consumeAllowance(
  limiter: RateLimiterAbstract,
  key: string,
  detail: string,
): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    throw new RateLimitedProblem(refusal.msBeforeNext / 1000, detail);
  }
}
