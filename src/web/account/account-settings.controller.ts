import { Controller, Get, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PasswordChangeService } from '../../auth/password-change.service';
import { ProblemException } from '../../common/problem/problem.exception';
import { localiseFieldErrors } from '../render/field-messages';
import { emptyForm } from '../render/form';
import { sendPage } from '../render/send-page';
import { CsrfInterceptor } from '../session/csrf.interceptor';
import { WebPages } from '../session/web-access.decorator';
import { contextOf, WebRequest } from '../session/web-context';
import { AccountPage } from './account.page';

/** A signed-in person's own account: who they are, their shop, and changing the password. */
@ApiExcludeController()
@WebPages('seller', 'moderator', 'admin')
@Controller('account')
export class AccountSettingsController {
  constructor(private readonly passwords: PasswordChangeService) {}

  @Get()
  page(@Req() request: WebRequest, @Res() response: Response, @Query('changed') changed: unknown) {
    const ctx = contextOf(request);
    sendPage(
      request,
      response,
      200,
      AccountPage({ ctx, form: emptyForm(), changed: changed === '1' }),
    );
  }

  @Post('password')
  @UseInterceptors(CsrfInterceptor)
  async changePassword(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const ctx = contextOf(request);
    const { currentPassword, newPassword } = (request.body ?? {}) as Record<string, unknown>;
    try {
      await this.passwords.change(
        request.user!,
        typeof currentPassword === 'string' ? currentPassword : '',
        typeof newPassword === 'string' ? newPassword : '',
        request.ip ?? 'unknown',
      );
      response.redirect(303, '/account?changed=1#password');
    } catch (error) {
      if (!(error instanceof ProblemException) || ![422, 429].includes(error.getStatus())) {
        throw error;
      }
      const form = {
        values: {},
        errors: localiseFieldErrors(ctx.m, error.errors),
        message: error.getStatus() === 429 ? ctx.m.signIn.tooManyAttempts : undefined,
      };
      sendPage(request, response, error.getStatus(), AccountPage({ ctx, form, changed: false }));
    }
  }
}
