import { ApiProperty } from '@nestjs/swagger';
import { RULE_TRIGGERS, RuleTrigger } from '../automation/automation.types.js';
import { RuleActionDto, RuleConditionsDto } from './automation-rule.dto.js';

// Response shape for the OpenAPI document (the web's generated types); the service returns RuleView.
export class AutomationRuleViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: RULE_TRIGGERS }) trigger: RuleTrigger;
  @ApiProperty({ type: RuleConditionsDto }) conditions: RuleConditionsDto;
  @ApiProperty({ type: [RuleActionDto] }) actions: RuleActionDto[];
  @ApiProperty() position: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Set on rules the product seeds (e.g. reopen-on-contact-reply)',
  })
  systemKey: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
