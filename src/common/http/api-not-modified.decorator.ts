import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

/** Documents conditional GET: the ETag of the response, and 304 for a matching If-None-Match. */
export function ApiNotModified() {
  return applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag from an earlier answer',
    }),
    ApiResponse({ status: 304, description: 'Not modified since the ETag given in If-None-Match' }),
  );
}
