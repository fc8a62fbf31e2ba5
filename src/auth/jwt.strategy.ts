import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { SessionsRepository } from '../accounts/sessions.repository';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from './auth-user';
import { jwtKeyOf } from './jwt-key';
import { AccessClaims } from './tokens.service';

/**
 * Bearer access tokens. The user and session are looked up on every request, so disabling a
 * user or signing out takes effect at once rather than when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key straight to jsonwebtoken, which takes a KeyObject; only its
      // typings say string | Buffer.
      secretOrKey: jwtKeyOf(config) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthUser> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new UnauthorizedException('The access token is not valid.');
    }
    const principal = await this.sessions.findPrincipal(claims.sub, claims.sid);
    if (!principal || principal.sessionRevoked || principal.user.status !== 'active') {
      throw new UnauthorizedException('The session has ended; sign in again.');
    }
    const { user } = principal;
    return { id: user.id, role: user.role, sessionId: claims.sid, user };
  }
}
