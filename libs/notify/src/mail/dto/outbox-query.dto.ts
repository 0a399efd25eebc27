import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@switchboard/core';

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['recorded', 'queued', 'sent', 'retrying', 'failed'],
    description: 'Only mails in this delivery state (failed: gave up after the retries)',
  })
  @IsOptional()
  @IsIn(['recorded', 'queued', 'sent', 'retrying', 'failed'])
  status?: 'recorded' | 'queued' | 'sent' | 'retrying' | 'failed';
}
