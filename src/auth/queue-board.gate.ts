import { HttpException, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendProblem } from '../common/problem/send-problem';
import { ProblemException } from '../common/problem/problem.exception';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { AccessClaims } from './tokens.service';

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Bulwark queues", charset="UTF-8"' };

/**
 * Lets admins into the queue dashboard: with a Bearer access token (tools), or with their email
 * and password over HTTP Basic, so a browser can open the page directly.
 */
@Injectable()
export class QueueBoardGate {
  constructor(
    private readonly jwt: JwtService,
    private readonly jwtStrategy: JwtStrategy,
    private readonly auth: AuthService,
  ) {}

  handler(): RequestHandler {
    return (request, response, next) => {
      this.admit(request, response, next).catch((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const headers = error instanceof ProblemException ? error.headers : {};
        const detail = error instanceof HttpException ? error.message : 'Something went wrong.';
        sendProblem(
          request,
          response,
          status,
          detail,
          [],
          status === 401 ? { ...headers, ...CHALLENGE } : headers,
        );
      });
    };
  }

  private async admit(request: Request, response: Response, next: NextFunction): Promise<void> {
    const role = await this.roleOf(request.get('authorization') ?? '', request.ip ?? 'unknown');
    if (!role) {
      sendProblem(request, response, 401, 'Sign in as an admin to see the queues.', [], CHALLENGE);
    } else if (role !== 'admin') {
      sendProblem(request, response, 403, 'The queue dashboard is for admins only.');
    } else {
      next();
    }
  }

  private async roleOf(header: string, ip: string): Promise<string | undefined> {
    const [scheme, credentials] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer' && credentials) {
      const claims = await this.jwt.verifyAsync<AccessClaims>(credentials).catch(() => undefined);
      return claims ? (await this.jwtStrategy.validate(claims)).role : undefined;
    }
    if (scheme?.toLowerCase() === 'basic' && credentials) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      if (separator < 0) return undefined;
      const email = decoded.slice(0, separator).trim().toLowerCase();
      const user = await this.auth.verifyCredentials(email, decoded.slice(separator + 1), ip);
      return user.role;
    }
    return undefined;
  }
}
