import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RULE_ACTION_TYPES, RULE_TRIGGERS, RuleTrigger } from '../automation/automation.types.js';
import { SENTIMENTS, TICKET_PRIORITIES, TICKET_SOURCES, TICKET_TYPES } from '../ticket.types.js';

export class RuleConditionsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  status?: string[];

  @ApiPropertyOptional({ type: [String], enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsArray()
  @IsIn(TICKET_PRIORITIES, { each: true, message: `priority must contain: ${TICKET_PRIORITIES.join(', ')}` })
  priority?: string[];

  @ApiPropertyOptional({ type: [String], enum: TICKET_TYPES })
  @IsOptional()
  @IsArray()
  @IsIn(TICKET_TYPES, { each: true, message: `type must contain: ${TICKET_TYPES.join(', ')}` })
  type?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  companyId?: string[];

  @ApiPropertyOptional({ type: [String], enum: TICKET_SOURCES })
  @IsOptional()
  @IsArray()
  @IsIn(TICKET_SOURCES, { each: true, message: `source must contain: ${TICKET_SOURCES.join(', ')}` })
  source?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: SENTIMENTS,
    description: "the end user's sentiment (trigger sentiment.changed: the new one)",
  })
  @IsOptional()
  @IsArray()
  @IsIn(SENTIMENTS, { each: true, message: `sentiment must contain: ${SENTIMENTS.join(', ')}` })
  sentiment?: string[];
}

/** One DTO for every action type; fields are required according to `type`. */
export class RuleActionDto {
  @ApiProperty({ enum: RULE_ACTION_TYPES })
  @IsIn(RULE_ACTION_TYPES, { message: `type must be one of: ${RULE_ACTION_TYPES.join(', ')}` })
  type: (typeof RULE_ACTION_TYPES)[number];

  @ApiPropertyOptional()
  @ValidateIf((a: RuleActionDto) => a.type === 'set_status')
  @IsString()
  @IsNotEmpty()
  status?: string;

  @ApiPropertyOptional()
  @ValidateIf((a: RuleActionDto) => a.type === 'assign')
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @ValidateIf((a: RuleActionDto) => a.type === 'set_priority')
  @IsIn(TICKET_PRIORITIES)
  priority?: string;

  @ApiPropertyOptional()
  @ValidateIf((a: RuleActionDto) => a.type === 'add_note')
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body?: string;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((a: RuleActionDto) => a.type === 'notify')
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  accountIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  message?: string;
}

export class CreateRuleDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ enum: RULE_TRIGGERS })
  @IsIn(RULE_TRIGGERS, { message: `trigger must be one of: ${RULE_TRIGGERS.join(', ')}` })
  trigger: RuleTrigger;

  @ApiPropertyOptional({ type: RuleConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions?: RuleConditionsDto;

  @ApiProperty({ type: [RuleActionDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'actions must contain at least one action' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleActionDto)
  actions: RuleActionDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class UpdateRuleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: RULE_TRIGGERS })
  @IsOptional()
  @IsIn(RULE_TRIGGERS, { message: `trigger must be one of: ${RULE_TRIGGERS.join(', ')}` })
  trigger?: RuleTrigger;

  @ApiPropertyOptional({ type: RuleConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions?: RuleConditionsDto;

  @ApiPropertyOptional({ type: [RuleActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleActionDto)
  actions?: RuleActionDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}
