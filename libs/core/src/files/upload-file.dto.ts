import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class UploadFileDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file, at most 20 MB' })
  file?: unknown;

  @ApiPropertyOptional({ format: 'uuid', description: 'The company the file is for (checked against your access)' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
