import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { UserEntity } from '../accounts/user.entity';
import { AuthService } from './auth.service';

/** Email and password sign-in; the body has been validated by LocalAuthGuard already. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, email: string, password: string): Promise<UserEntity> {
    return this.auth.verifyCredentials(email, password, request.ip ?? 'unknown');
  }
}
