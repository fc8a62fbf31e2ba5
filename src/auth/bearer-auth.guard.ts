import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** Runs the JWT strategy; the global AuthenticationGuard decides when. */
@Injectable()
export class BearerAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error) throw error;
    if (!user)
      throw new UnauthorizedException('Sign in first: a valid Bearer access token is required.');
    return user;
  }
}
