import { All, Controller, NotFoundException, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../auth/access.decorators';
import { WebPages } from '../session/web-access.decorator';

/** An address under /v1 that names no route: answered as the API answers, in problem+json. */
@ApiExcludeController()
@Public()
@Controller('v1')
export class ApiNotFoundController {
  @All('{*path}')
  notFound(@Req() request: Request): never {
    throw new NotFoundException(`Cannot ${request.method} ${request.path}`);
  }
}

/** Any other address that names no page: the reader's 404 page. Registered after every route. */
@ApiExcludeController()
@WebPages()
@Controller()
export class WebNotFoundController {
  @All('{*path}')
  notFound(): never {
    throw new NotFoundException();
  }
}
