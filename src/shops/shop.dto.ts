import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { PLATFORMS, type Platform } from '../common/platform';
import { HasNoHiddenCharacters, NormalizeName } from '../common/validation/hidden-characters';
import { Trim } from '../common/validation/transforms';
import { SHOP_VERIFICATION_METHODS, type ShopVerificationMethod } from './shop-verification';

export class ShopListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ description: "The marketplace's id of the shop, in any case" })
  @IsOptional()
  @NormalizeName()
  @IsString()
  @HasNoHiddenCharacters()
  @MaxLength(100)
  shopId?: string;
}

export class VerifyShopDto {
  @ApiProperty({ enum: SHOP_VERIFICATION_METHODS })
  @IsIn(SHOP_VERIFICATION_METHODS)
  method!: ShopVerificationMethod;

  @ApiProperty({ maxLength: 2000, example: 'Code 4821 sent by Taobao seller messages came back.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}
