import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Platform, PLATFORMS } from '../common/platform';
import { HasNoHiddenCharacters, NormalizeName } from '../common/validation/hidden-characters';
import { NormalizeEmail } from '../common/validation/transforms';
import { IsAcceptablePassword } from './is-acceptable-password';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';
import { Role, ROLES, STAFF_ROLES, StaffRole, USER_STATUSES, UserStatus } from './role';

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 80;

export class ShopDto {
  @ApiProperty({ enum: PLATFORMS, example: 'taobao' })
  @IsIn(PLATFORMS)
  platform!: Platform;

  @ApiProperty({ maxLength: 100, example: '58231977' })
  @NormalizeName()
  @IsString()
  @IsNotEmpty()
  @HasNoHiddenCharacters()
  @MaxLength(100)
  shopId!: string;

  @ApiProperty({ maxLength: 120, example: 'Happy Cards Store' })
  @NormalizeName()
  @IsString()
  @IsNotEmpty()
  @HasNoHiddenCharacters()
  @MaxLength(120)
  shopName!: string;
}

export class NewAccountDto {
  @ApiProperty({ maxLength: EMAIL_MAX_LENGTH, example: 'li.na@example.com' })
  @NormalizeEmail()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Refused when it is among the most common passwords or equals the email.',
  })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ maxLength: DISPLAY_NAME_MAX_LENGTH, example: 'Li Na' })
  @NormalizeName()
  @IsString()
  @IsNotEmpty()
  @HasNoHiddenCharacters()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName!: string;
}

export class RegisterDto extends NewAccountDto {
  @ApiProperty({ type: ShopDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ShopDto)
  shop!: ShopDto;
}

export class CreateStaffDto extends NewAccountDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: USER_STATUSES, description: 'disabled ends every session at once' })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'only between moderator and admin' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptional()
  @NormalizeName()
  @IsString()
  @IsNotEmpty()
  @HasNoHiddenCharacters()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName?: string;
}

export class UserListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

export class ShopView {
  @ApiProperty({ format: 'uuid', description: "Bulwark's id of the shop" }) id!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty({ description: "The marketplace's id of the shop" }) shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({
    description:
      "A moderator verified this account's part in the shop. An account that registers a shop " +
      'already registered joins it unverified.',
  })
  verified!: boolean;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty({ type: ShopView, nullable: true }) shop!: ShopView | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserPageView {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
