import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount } from '@switchboard/core';
import { CreateQuickReplyDto, RenderQuickReplyDto, UpdateQuickReplyDto } from '../dto/admin-lists.dto.js';
import { QuickReplyService } from '../services/quick-reply.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/quick-replies')
export class QuickRepliesController {
  constructor(private readonly replies: QuickReplyService) {}

  @Get()
  list(@CurrentAccount() me: AccountPrincipal) {
    return this.replies.list(me);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.replies.get(id, me);
  }

  @Post()
  create(@Body() dto: CreateQuickReplyDto, @CurrentAccount() me: AccountPrincipal) {
    return this.replies.create(dto, me);
  }

  @Patch(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateQuickReplyDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
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
