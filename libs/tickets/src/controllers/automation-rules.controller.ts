import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import type { RuleAction } from '../automation/automation.types.js';
import { CreateRuleDto, UpdateRuleDto } from '../dto/automation-rule.dto.js';
import { AutomationRuleViewDto } from '../dto/automation-rule-view.dto.js';
import { ReorderRulesDto } from '../dto/reorder-rules.dto.js';
import { AutomationRuleOrderService } from '../services/automation-rule-order.service.js';
import { AutomationService } from '../services/automation.service.js';

/** Admins only: rules act on every ticket. */
@ApiTags('tickets')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/automation-rules')
export class AutomationRulesController {
  constructor(
    private readonly rules: AutomationService,
    private readonly order: AutomationRuleOrderService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AutomationRuleViewDto] })
  list() {
    return this.rules.list();
  }

  /** The order rules run in: every rule id, first to last. */
  @Put('order')
  @ApiOkResponse({ type: [AutomationRuleViewDto] })
  reorder(@Body() dto: ReorderRulesDto) {
    return this.order.reorder(dto.ids);
  }

  @Get(':id')
  @ApiOkResponse({ type: AutomationRuleViewDto })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: AutomationRuleViewDto })
  create(@Body() dto: CreateRuleDto) {
    return this.rules.create({ ...dto, conditions: { ...dto.conditions }, actions: plain(dto.actions) });
  }

  @Patch(':id')
  @ApiOkResponse({ type: AutomationRuleViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRuleDto) {
    const { actions, conditions, ...rest } = dto;
    return this.rules.update(id, {
      ...rest,
      ...(conditions ? { conditions: { ...conditions } } : {}),
      ...(actions ? { actions: plain(actions) } : {}),
    });
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.rules.remove(id);
  }
}

const plain = (actions: object[]): RuleAction[] => JSON.parse(JSON.stringify(actions)) as RuleAction[];
