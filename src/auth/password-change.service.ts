import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../accounts/password-hasher';
import { passwordProblems } from '../accounts/password-policy';
import { SessionsRepository } from '../accounts/sessions.repository';
import { UsersRepository } from '../accounts/users.repository';
import { ProblemException } from '../common/problem/problem.exception';
import type { AuthUser } from './auth-user';
import { LoginRateLimiter } from './login-rate-limiter';

/**
 * A person changes their own password: the current one is checked under the sign-in rate limit,
 * the new one against the password policy, and every other session of theirs is ended.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  async change(caller: AuthUser, current: string, next: string, ip: string): Promise<void> {
    const { email } = caller.user;
    await this.rateLimiter.reserveAttempt(ip, email);
    if (!(await this.passwords.verify(caller.user.passwordHash, current))) {
      throw new ProblemException(422, 'The current password is wrong.', [
        { field: 'currentPassword', message: 'The current password is wrong.' },
      ]);
    }
    await this.rateLimiter.recordSuccess(ip, email);
    const problems = passwordProblems(next, email);
    if (problems.length > 0) {
      throw new ProblemException(
        422,
        'The new password is not accepted.',
        problems.map((problem) => ({ field: 'newPassword', message: `The password ${problem}.` })),
      );
    }
    const passwordHash = await this.passwords.hash(next);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, caller.id, passwordHash);
      await this.sessions.revokeOthersOfUser(manager, caller.id, caller.sessionId, 'password');
    });
  }
}
