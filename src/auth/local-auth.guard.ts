import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { StrictValidationPipe } from '../common/validation/validation.pipe';
import { LoginDto } from './auth.dto';

/** Validates the sign-in body (400 with field errors) before passport-local reads it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validation = new StrictValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.body = await this.validation.transform(request.body, {
      type: 'body',
      metatype: LoginDto,
    });
    return (await super.canActivate(context)) as boolean;
  }
}
