import { Controller, Get, NotFoundException, Param, PipeTransform, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_TYPES, CaseType } from '../cases/case-type';
import { PLATFORMS, Platform } from '../common/platform';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { GUIDANCE_LANGUAGES, GuidanceLanguage } from './guidance-language';
import { isPlatform } from './guidance.schema';
import { GuidanceService } from './guidance.service';
import { PlatformGuidanceView } from './guidance.view';

export class GuidanceQueryDto {
  @ApiPropertyOptional({
    enum: CASE_TYPES,
    description: 'Adds the tips for this kind of case',
  })
  @IsOptional()
  @IsIn(CASE_TYPES)
  caseType?: CaseType;

  @ApiPropertyOptional({
    enum: GUIDANCE_LANGUAGES,
    default: 'en',
    description: 'The language of the tips: English or Simplified Chinese',
  })
  @IsOptional()
  @IsIn(GUIDANCE_LANGUAGES)
  language?: GuidanceLanguage;
}

/** The marketplace in the path. An unknown one is a resource that does not exist: 404, not 400. */
class PlatformParam implements PipeTransform<string, Platform> {
  transform(value: string): Platform {
    if (isPlatform(value)) return value;
    throw new NotFoundException(
      `No guidance for this platform; known are ${PLATFORMS.join(', ')}.`,
    );
  }
}

@ApiTags('guidance')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('v1/guidance')
export class GuidanceController {
  constructor(private readonly guidance: GuidanceService) {}

  @Get(':platform')
  @ApiOperation({
    summary: 'What a marketplace accepts as proof, what to capture now and where to report',
  })
  @ApiParam({ name: 'platform', enum: PLATFORMS })
  @ApiOkResponse({ type: PlatformGuidanceView })
  @ApiProblems(400, 404)
  forPlatform(
    @Param('platform', new PlatformParam()) platform: Platform,
    @Query() query: GuidanceQueryDto,
  ): PlatformGuidanceView {
    return this.guidance.forPlatform(platform, query.caseType, query.language);
  }
}
