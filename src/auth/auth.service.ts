import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '../accounts/password-hasher';
import { ClientInfo, SessionsRepository } from '../accounts/sessions.repository';
import { RegisterDto } from '../accounts/user.dto';
import { UserEntity } from '../accounts/user.entity';
import { toUserView } from '../accounts/user.view';
import { UsersRepository } from '../accounts/users.repository';
import { UsersService } from '../accounts/users.service';
import { OutboxEvent } from '../jobs/job-names';
import { ShopsRepository } from '../shops/shops.repository';
import { OutboxService } from '../jobs/outbox.service';
import { RegisteredView, TokenPairView } from './auth.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { RegistrationRateLimiter } from './registration-rate-limiter';
import { hashRefreshToken } from './refresh-token-secret';
import { TokensService } from './tokens.service';

const BAD_CREDENTIALS = 'Invalid email or password.';
/** A session opened for the web pages, which hold no tokens. */
export interface OpenedSession {
  userId: string;
  sessionId: string;
}

const BAD_REFRESH = 'The refresh token is not valid; sign in again.';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly usersService: UsersService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokensService,
    private readonly outbox: OutboxService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly registrationLimiter: RegistrationRateLimiter,
    private readonly shops: ShopsRepository,
  ) {}

  async register(dto: RegisterDto, client: ClientInfo): Promise<RegisteredView> {
    return this.openAccount(dto, client, async (manager, user, sessionId) => ({
      user: toUserView(user),
      ...(await this.tokens.issue(manager, user.id, sessionId)),
    }));
  }

  /** Registers from the web pages: a session without tokens, which the session cookie names. */
  async registerForWeb(dto: RegisterDto, client: ClientInfo): Promise<OpenedSession> {
    return this.openAccount(dto, client, async (_manager, user, sessionId) => ({
      userId: user.id,
      sessionId,
    }));
  }

  private async openAccount<T>(
    dto: RegisterDto,
    client: ClientInfo,
    finish: (manager: EntityManager, user: UserEntity, sessionId: string) => Promise<T>,
  ): Promise<T> {
    await this.registrationLimiter.reserve(client.ip ?? 'unknown');
    return this.dataSource.transaction(async (manager) => {
      // A shop registered before is joined, as an unverified member: its staff share it.
      const shop = await this.shops.claim(manager, {
        platform: dto.shop.platform,
        platformShopId: dto.shop.shopId,
        name: dto.shop.shopName,
      });
      const user = await this.usersService.create(manager, {
        email: dto.email,
        password: dto.password,
        displayName: dto.displayName,
        role: 'seller',
        shopId: shop.id,
      });
      user.shop = shop;
      const session = await this.sessions.open(manager, user.id, client);
      await this.outbox.publish(manager, OutboxEvent.AccountRegistered, {
        userId: user.id,
        sessionId: session.id,
      });
      return finish(manager, user, session.id);
    });
  }

  /**
   * Checks an email and password for passport-local. Unknown email, wrong password and a
   * disabled account all get the same answer after the same hashing work.
   */
  async verifyCredentials(email: string, password: string, ip: string): Promise<UserEntity> {
    await this.rateLimiter.reserveAttempt(ip, email);
    const user = await this.users.findByEmail(email);
    const matches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !matches || user.status !== 'active') {
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.rateLimiter.recordSuccess(ip, email);
    return user;
  }

  async signIn(user: UserEntity, client: ClientInfo): Promise<TokenPairView> {
    return this.dataSource.transaction(async (manager) => {
      const sessionId = await this.openSession(manager, user, client);
      return this.tokens.issue(manager, user.id, sessionId);
    });
  }

  /** Signs in from the web pages: a session without tokens, which the session cookie names. */
  async signInForWeb(user: UserEntity, client: ClientInfo): Promise<OpenedSession> {
    const sessionId = await this.dataSource.transaction((manager) =>
      this.openSession(manager, user, client),
    );
    return { userId: user.id, sessionId };
  }

  private async openSession(
    manager: EntityManager,
    user: UserEntity,
    client: ClientInfo,
  ): Promise<string> {
    const session = await this.sessions.open(manager, user.id, client);
    await this.outbox.publish(manager, OutboxEvent.AccountSignedIn, {
      userId: user.id,
      sessionId: session.id,
    });
    return session.id;
  }

  /**
   * Swaps a refresh token for a new pair. A token that was already spent means it leaked:
   * the whole session is revoked, for the thief and the owner alike.
   */
  async refresh(refreshToken: string): Promise<TokenPairView> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.sessions.lockRefreshToken(manager, hashRefreshToken(refreshToken));
      if (!token || token.sessionRevokedAt || token.userStatus !== 'active') return undefined;
      if (token.usedAt) {
        await this.sessions.revoke(manager, token.sessionId, 'reuse');
        return undefined;
      }
      if (token.expiresAt.getTime() <= Date.now()) {
        await this.sessions.revoke(manager, token.sessionId, 'expired');
        return undefined;
      }
      await this.sessions.markRefreshTokenUsed(manager, token.tokenId);
      return this.tokens.issue(manager, token.userId, token.sessionId);
    });
    if (!outcome) throw new UnauthorizedException(BAD_REFRESH);
    return outcome;
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.sessions.revoke(manager, sessionId, 'logout'),
    );
  }
}
