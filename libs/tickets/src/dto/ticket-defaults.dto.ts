import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class TicketDefaultsQueryDto {
  @ApiProperty({ format: 'uuid', description: "The ticket's company: defaults may differ per company" })
  @IsUUID()
  companyId: string;
}
