import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

export class CcEntryDto {
  @ApiProperty({ enum: ['contact', 'account'] })
  @IsIn(['contact', 'account'], { message: 'kind must be contact or account' })
  kind: 'contact' | 'account';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
