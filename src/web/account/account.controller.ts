import {
  Controller,
  Get,
  HttpException,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RegisterDto } from '../../accounts/user.dto';
import { LoginDto } from '../../auth/auth.dto';
import { AuthService } from '../../auth/auth.service';
import { clientOf } from '../../auth/client-info';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { isLocale, LOCALE_COOKIE } from '../i18n/locale';
import { localiseFieldErrors } from '../render/field-messages';
import { emptyForm, FormState } from '../render/form';
import { sendPage } from '../render/send-page';
import { formValues, validateForm } from '../render/validate-form';
import { CsrfInterceptor } from '../session/csrf.interceptor';
import { WebPages } from '../session/web-access.decorator';
import { clearWebCookie, setWebCookie } from '../session/web-cookies';
import { contextOf, WebRequest } from '../session/web-context';
import { WEB_KEY } from '../session/web-key';
import { SESSION_COOKIE } from '../session/web-session-cookie';
import { localPathOr, setSessionCookie } from '../session/web-sign-in';
import { SignInPage } from './sign-in.page';
import { SignUpPage } from './sign-up.page';

const YEAR_SECONDS = 365 * 24 * 3600;

/** Where a signed-in person starts: sellers at their cases, staff at the queue. */
const homeOf = (request: WebRequest): string =>
  request.user ? (request.user.role === 'seller' ? '/cases' : '/console') : '/signin';

/** Signing up, in and out, and the language switch: pages open to everyone. */
@ApiExcludeController()
@WebPages()
@Controller()
export class WebAccessController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEB_KEY) private readonly key: Buffer,
    private readonly clock: Clock,
  ) {}

  @Get()
  home(@Req() request: WebRequest, @Res() response: Response): void {
    response.redirect(303, homeOf(request));
  }

  @Get('signin')
  signInPage(@Req() request: WebRequest, @Res() response: Response, @Query('next') next: unknown) {
    if (request.user) return response.redirect(303, localPathOr(next, homeOf(request)));
    const ctx = contextOf(request);
    sendPage(
      request,
      response,
      200,
      SignInPage({ ctx, form: emptyForm(), next: localPathOr(next, '') }),
    );
  }

  @Post('signin')
  @UseInterceptors(CsrfInterceptor)
  async signIn(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const ctx = contextOf(request);
    const { next, ...credentials } = (request.body ?? {}) as Record<string, unknown>;
    const refuse = (status: number, message: string) =>
      sendPage(
        request,
        response,
        status,
        SignInPage({
          ctx,
          form: { values: formValues({ email: credentials.email }), errors: [], message },
          next: localPathOr(next, ''),
        }),
      );
    const login = await validateForm(LoginDto, credentials);
    if (!login.ok) return refuse(422, ctx.m.signIn.failed);
    try {
      const user = await this.auth.verifyCredentials(
        login.dto.email,
        login.dto.password,
        request.ip ?? 'unknown',
      );
      const session = await this.auth.signInForWeb(user, clientOf(request));
      setSessionCookie(response, this.config, this.key, session, this.clock.now());
      const home = user.role === 'seller' ? '/cases' : '/console';
      response.redirect(303, localPathOr(next, home));
    } catch (error) {
      if (error instanceof UnauthorizedException) return refuse(401, ctx.m.signIn.failed);
      if (error instanceof HttpException && error.getStatus() === 429) {
        return refuse(429, ctx.m.signIn.tooManyAttempts);
      }
      throw error;
    }
  }

  @Get('signup')
  signUpPage(@Req() request: WebRequest, @Res() response: Response): void {
    if (request.user) return response.redirect(303, homeOf(request));
    sendPage(request, response, 200, SignUpPage({ ctx: contextOf(request), form: emptyForm() }));
  }

  @Post('signup')
  @UseInterceptors(CsrfInterceptor)
  async signUp(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const ctx = contextOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { platform, shopId, shopName, ...account } = body;
    const values = formValues({ ...body, password: undefined });
    const refuse = (status: number, form: Omit<FormState, 'values'>) =>
      sendPage(request, response, status, SignUpPage({ ctx, form: { values, ...form } }));
    const registration = await validateForm(RegisterDto, {
      ...account,
      shop: { platform, shopId, shopName },
    });
    if (!registration.ok) {
      const errors = registration.errors.map((error) => ({
        ...error,
        field: error.field.replace(/^shop\./, ''),
      }));
      return refuse(422, { errors: localiseFieldErrors(ctx.m, errors) });
    }
    try {
      const session = await this.auth.registerForWeb(registration.dto, clientOf(request));
      setSessionCookie(response, this.config, this.key, session, this.clock.now());
      response.redirect(303, '/cases/new');
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      if (error.getStatus() === 409) {
        return refuse(409, { errors: [{ field: 'email', message: ctx.m.signUp.emailTaken }] });
      }
      if (error.getStatus() === 429)
        return refuse(429, { errors: [], message: ctx.m.signUp.tooMany });
      throw error;
    }
  }

  @Post('signout')
  @UseInterceptors(CsrfInterceptor)
  async signOut(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    if (request.user) await this.auth.signOut(request.user.sessionId);
    clearWebCookie(response, this.config, SESSION_COOKIE);
    response.redirect(303, '/signin');
  }

  /** A link, so it works without scripts; it only sets a preference. */
  @Get('language/:locale')
  language(
    @Param('locale') locale: string,
    @Query('back') back: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    if (isLocale(locale)) setWebCookie(response, this.config, LOCALE_COOKIE, locale, YEAR_SECONDS);
    response.redirect(303, localPathOr(back, '/'));
  }
}
