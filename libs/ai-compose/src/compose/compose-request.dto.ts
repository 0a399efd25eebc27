import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ComposeAction } from '@switchboard/plugin-sdk';

export const COMPOSE_ACTIONS: readonly ComposeAction[] = ['generate', 'rephrase', 'casual', 'formal'];
/** The reply box's own limit (a comment's 64K characters). */
export const COMPOSE_TEXT_MAX = 65_536;

export class ComposeRequestDto {
  @ApiProperty({ enum: COMPOSE_ACTIONS })
  @IsIn(COMPOSE_ACTIONS as ComposeAction[], { message: `action must be one of ${COMPOSE_ACTIONS.join(', ')}` })
  action!: ComposeAction;

  @ApiPropertyOptional({ description: 'The draft to rewrite (required for rephrase, casual and formal)' })
  @IsOptional()
  @IsString()
  @MaxLength(COMPOSE_TEXT_MAX)
  text?: string;
}
