import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, UserView } from '../accounts/user.dto';
import { PASSWORD_MAX_LENGTH } from '../accounts/password-policy';
import { NormalizeEmail } from '../common/validation/transforms';

export class LoginDto {
  @ApiProperty({ example: 'li.na@example.com' })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'the refresh token from the last sign-in or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairView {
  @ApiProperty({ description: 'JWT for Authorization: Bearer' }) accessToken!: string;
  @ApiProperty({ description: 'single use; exchange at /v1/auth/refresh' }) refreshToken!: string;
  @ApiProperty({ description: 'seconds until the access token expires', example: 900 })
  expiresIn!: number;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
}

export class RegisteredView extends TokenPairView {
  @ApiProperty({ type: UserView }) user!: UserView;
}
