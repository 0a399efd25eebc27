import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@switchboard/core';
import { DataSource, In } from 'typeorm';
import { ScreenSessionEntity, type ScreenSessionStatus } from '../entities/screen-session.entity.js';

@Injectable()
export class ScreenSessionRepository extends BaseRepository<ScreenSessionEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ScreenSessionEntity);
  }

  findOpen(conversationId: string): Promise<ScreenSessionEntity[]> {
    return this.repo().find({ where: { conversationId, status: In(['requested', 'active']) }, take: 20 });
  }

  async deleteByConversation(conversationId: string): Promise<void> {
    await this.repo().delete({ conversationId });
  }

  /** Compare-and-set on the status: false when another request (or instance) moved it first. */
  async transition(
    id: string,
    from: ScreenSessionStatus[],
    patch: Partial<Pick<ScreenSessionEntity, 'status' | 'visitorSocketId' | 'endedReason' | 'startedAt' | 'endedAt'>>,
  ): Promise<boolean> {
    const result = await this.repo().update({ id, status: In(from) }, patch);
    return (result.affected ?? 0) > 0;
  }
}
