import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class TicketNumberEventDto {
  @ApiProperty({ example: 42 })
  @IsInt()
  @Min(1)
  number: number;
}
