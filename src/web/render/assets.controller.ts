import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/access.decorators';
import { WebAssets } from './web-assets.service';

const YEAR_SECONDS = 365 * 24 * 3600;

/** The scripts, compressed ahead of time; cached for a year when versioned. */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  constructor(private readonly assets: WebAssets) {}

  @Get(':name')
  serve(
    @Param('name') name: string,
    @Query('v') version: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`There is no asset ${name}.`);
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const [body, encoding] = /\bbr\b/.test(accepted)
      ? [asset.brotli, 'br']
      : /\bgzip\b/.test(accepted)
        ? [asset.gzip, 'gzip']
        : [asset.raw, undefined];
    response.setHeader('Content-Type', asset.mediaType);
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader(
      'Cache-Control',
      version === asset.version ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
    );
    response.setHeader('ETag', `"${asset.version}"`);
    if (encoding) response.setHeader('Content-Encoding', encoding);
    response.end(body);
  }
}
