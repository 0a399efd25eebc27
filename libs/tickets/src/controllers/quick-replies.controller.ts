import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount } from '@switchboard/core';
import { CreateQuickReplyDto, RenderQuickReplyDto, UpdateQuickReplyDto } from '../dto/admin-lists.dto.js';
import { QuickReplyService } from '../services/quick-reply.service.js';
import { QuickReplyViewDto } from '../dto/quick-reply-view.dto.js';
import { QuickReplyPlaceholdersDto } from '../dto/quick-reply-placeholders.dto.js';
import { QUICK_REPLY_PLACEHOLDERS } from '../services/quick-reply-template.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/quick-replies')
export class QuickRepliesController {
  constructor(private readonly replies: QuickReplyService) {}

  @Get()
  @ApiOkResponse({ type: [QuickReplyViewDto] })
  list(@CurrentAccount() me: AccountPrincipal): Promise<QuickReplyViewDto[]> {
    return this.replies.list(me);
  }

  // Declared before :id so "placeholders" is not read as an id. Any signed-in technician (they write personal ones).
  @Get('placeholders')
  @ApiOkResponse({ type: QuickReplyPlaceholdersDto })
  placeholders(): QuickReplyPlaceholdersDto {
    return { placeholders: [...QUICK_REPLY_PLACEHOLDERS] };
  }

  @Get(':id')
  @ApiOkResponse({ type: QuickReplyViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<QuickReplyViewDto> {
    return this.replies.get(id, me);
  }

  @Post()
  @ApiCreatedResponse({ type: QuickReplyViewDto })
  create(@Body() dto: CreateQuickReplyDto, @CurrentAccount() me: AccountPrincipal): Promise<QuickReplyViewDto> {
    return this.replies.create(dto, me);
  }

  @Patch(':id')
  @ApiOkResponse({ type: QuickReplyViewDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateQuickReplyDto,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<QuickReplyViewDto> {
    return this.replies.update(id, dto, me);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.replies.remove(id, me);
  }

  @Post(':id/render')
  @HttpCode(200)
  render(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RenderQuickReplyDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    return this.replies.render(id, dto.ticketNumber, me);
  }
}
