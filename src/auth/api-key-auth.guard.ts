import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** Runs the API-key strategy; the global AuthenticationGuard decides when. */
@Injectable()
export class ApiKeyAuthGuard extends AuthGuard('api-key') {
  override handleRequest<T>(error: unknown, caller: T | false): T {
    if (error) throw error;
    if (!caller) throw new UnauthorizedException('The API key is not valid or has been revoked.');
    return caller;
  }
}
