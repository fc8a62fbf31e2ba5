import { ApiProperty } from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ example: 'shop.platform' }) field!: string;
  @ApiProperty({ example: 'must be one of the following values: taobao, tmall, jd' })
  message!: string;
}

export class ProblemView {
  @ApiProperty({ example: 'urn:bulwark:problem:validation' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'The request has invalid fields; see errors.' }) detail!: string;
  @ApiProperty({ example: '/v1/auth/register' }) instance!: string;
  @ApiProperty({ type: [FieldErrorView] }) errors!: FieldErrorView[];
  @ApiProperty({ description: 'the X-Request-Id of the failed request' }) requestId!: string;
}
