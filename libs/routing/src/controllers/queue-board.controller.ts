import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@switchboard/core';
import { QueueBoardViewDto } from '../dto/queue-board.dto.js';
import { QueueBoardService } from '../services/queue-board.service.js';

/**
 * The live queue board (admins). Registered before QueuesController so `board` is not read as a
 * queue id. Masked by the global REST masker (customer names), unlike the queue configuration.
 */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/queues/board')
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: QueueBoardViewDto })
  get(): Promise<QueueBoardViewDto> {
    return this.board.board();
  }
}
