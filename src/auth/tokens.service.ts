import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';
import { SessionsRepository } from '../accounts/sessions.repository';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TokenPairView } from './auth.dto';
import { newRefreshToken } from './refresh-token-secret';

export interface AccessClaims {
  sub: string;
  sid: string;
}

/** Issues the access JWT and the rotating refresh token of a session. */
@Injectable()
export class TokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
  ) {}

  /** Stores a new refresh token for the session in the caller's transaction and signs a pair. */
  async issue(manager: EntityManager, userId: string, sessionId: string): Promise<TokenPairView> {
    const { token, hash } = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1000);
    await this.sessions.addRefreshToken(manager, sessionId, hash, expiresAt);
    const claims: AccessClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
    return {
      accessToken,
      refreshToken: token,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      tokenType: 'Bearer',
    };
  }
}
