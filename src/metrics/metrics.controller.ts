import {
  Controller,
  ForbiddenException,
  Get,
  Header,
  Inject,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Prometheus metrics; needs Bearer METRICS_TOKEN when that is set, and without it answers only loopback in production',
  })
  @ApiOkResponse({ content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiProblems(401, 403)
  async scrape(@Req() request: Request): Promise<string> {
    this.checkToken(request.get('authorization'));
    this.checkOrigin(request);
    request.res?.type(this.metrics.contentType);
    return this.metrics.render();
  }

  /**
   * Without a token, production serves metrics only to the machine itself (or, behind a trusted
   * proxy, to a client the proxy names as local): they say too much about the service to be
   * public by accident.
   */
  private checkOrigin(request: Request): void {
    if (this.config.metricsToken || this.config.env !== 'production') return;
    if (!isLoopback(request.ip)) {
      throw new ForbiddenException(
        'Metrics answer only on loopback in production; set METRICS_TOKEN to scrape them remotely.',
      );
    }
  }

  private checkToken(header: string | undefined): void {
    const expected = this.config.metricsToken;
    if (!expected) return;
    const given = Buffer.from(header?.replace(/^Bearer /i, '') ?? '');
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      throw new UnauthorizedException('Metrics need the METRICS_TOKEN as a Bearer token.');
    }
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}
