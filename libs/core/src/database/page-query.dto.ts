import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageLimitQueryDto } from './page-limit-query.dto.js';

/** `?limit=&cursor=` where the cursor is the last row's id (the `nextCursor` of the previous page). */
export class PageQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor must be a nextCursor value' })
  cursor?: string;
}
