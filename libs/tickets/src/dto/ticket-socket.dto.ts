import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_DB_INTEGER } from '@switchboard/core';

export class TicketNumberEventDto {
  @ApiProperty({ example: 42 })
  @IsInt()
  @Min(1)
  @Max(MAX_DB_INTEGER, { message: 'number must be at most 2147483647' })
  number: number;
}
