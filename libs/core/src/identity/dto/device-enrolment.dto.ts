import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RedeemEnrolmentDto {
  @ApiProperty({ example: 'K7QM-3XZP-9WRT' })
  @IsString()
  @Length(4, 40)
  code: string;
}
