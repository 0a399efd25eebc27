import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class TechnicianQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only technicians who serve this company' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ description: 'Only technicians available (true) or unavailable (false) for chat requests' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'available must be true or false' })
  available?: boolean;
}
