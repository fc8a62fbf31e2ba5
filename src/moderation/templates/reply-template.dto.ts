import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_MAX_LENGTH } from '../../cases/case-body.dto';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { Trim } from '../../common/validation/transforms';
import { PLACEHOLDERS, REPLY_LANGUAGES, ReplyLanguage } from './reply-placeholders';

const NAME_MAX_LENGTH = 100;
const BODY_DESCRIPTION = `May hold ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(' and ')}`;

export class CreateReplyTemplateDto {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH, example: 'Ask for the whole chat' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: REPLY_LANGUAGES })
  @IsIn(REPLY_LANGUAGES)
  language!: ReplyLanguage;

  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH, description: BODY_DESCRIPTION })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;
}

export class UpdateReplyTemplateDto {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ maxLength: MESSAGE_MAX_LENGTH, description: BODY_DESCRIPTION })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  body?: string;
}

export class ReplyTemplateQueryDto {
  @ApiPropertyOptional({ enum: REPLY_LANGUAGES })
  @IsOptional()
  @IsIn(REPLY_LANGUAGES)
  language?: ReplyLanguage;
}

export class ReplyTemplateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: REPLY_LANGUAGES }) language!: ReplyLanguage;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ReplyTemplateListQueryDto extends IntersectionType(
  ListQueryDto,
  ReplyTemplateQueryDto,
) {}

export class ReplyTemplatePageView {
  @ApiProperty({ type: [ReplyTemplateView] }) items!: ReplyTemplateView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** A template filled in for one case: `unfilled` names what the moderator must still fill. */
export class FilledReplyView extends ReplyTemplateView {
  @ApiProperty({ description: 'The body with the case’s reference and seller’s name in place' })
  text!: string;
  @ApiProperty({ type: [String] }) unfilled!: string[];
}

export class FilledReplyListView {
  @ApiProperty({ type: [FilledReplyView] }) items!: FilledReplyView[];
}
