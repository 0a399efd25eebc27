import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, Unmasked, type AccountPrincipal } from '@switchboard/core';
import { CreateQueueDto, UpdateQueueDto } from '../dto/queue.dto.js';
import { QueueViewDto } from '../dto/queue-view.dto.js';
import { QueueService } from '../services/queue.service.js';
import { QueueRemovalService } from '../wrap-up/queue-removal.service.js';

@ApiTags('routing')
@ApiBearerAuth()
// Configuration (names, ids, numbers): no customer data to mask.
@Unmasked()
@Controller('api/queues')
export class QueuesController {
  constructor(
    private readonly queues: QueueService,
    private readonly removal: QueueRemovalService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: QueueViewDto })
  create(@Body() dto: CreateQueueDto): Promise<QueueViewDto> {
    return this.queues.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [QueueViewDto] })
  list(@CurrentAccount() me: AccountPrincipal): Promise<QueueViewDto[]> {
    return this.queues.list(me);
  }

  @Get(':id')
  @ApiOkResponse({ type: QueueViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<QueueViewDto> {
    return this.queues.get(id, me);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: QueueViewDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateQueueDto,
    @CurrentAccount() me: AccountPrincipal,
  ): Promise<QueueViewDto> {
    return this.queues.update(id, dto, me);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<void> {
    await this.removal.remove(id, me);
  }
}
