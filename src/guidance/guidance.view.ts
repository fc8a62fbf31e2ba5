import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLATFORMS, Platform } from '../common/platform';

/** What one marketplace accepts as proof, what to capture now and where to report. */
export class PlatformGuidanceView {
  @ApiProperty({ enum: PLATFORMS, example: 'taobao' })
  platform!: Platform;

  @ApiProperty({ example: 'Taobao (淘宝)' })
  name!: string;

  @ApiProperty({
    type: [String],
    description: "What the marketplace's own complaint or appeal process accepts as proof",
    example: ["Chat records in Taobao's own messenger (Wangwang 旺旺; Qianniu 千牛)"],
  })
  acceptedProof!: string[];

  @ApiProperty({
    type: [String],
    description: 'What the marketplace treats as background only, not as proof on its own',
    example: ['Screenshots of QQ, WeChat, SMS or email'],
  })
  supportingOnly!: string[];

  @ApiProperty({
    type: [String],
    description: 'Concrete steps to take now, before evidence disappears',
    example: ['Screenshot the order page with the order number'],
  })
  captureNow!: string[];

  @ApiProperty({
    type: [String],
    description: 'Where on the marketplace to report or appeal',
    example: ['The review appeal in the seller backend (卖家中心 / 千牛)'],
  })
  reportChannel!: string[];

  @ApiProperty({
    type: [String],
    description: 'Advice for every seller, whatever the marketplace',
    example: ['Do not pay and do not promise to pay.'],
  })
  common!: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Only when a case type was asked for: its tips for every marketplace, then those for this one',
    example: ['Capture the exact demand: the amount, the deadline and the payment account.'],
  })
  caseTypeTips?: string[];
}
