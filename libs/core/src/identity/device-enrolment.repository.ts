import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';
import { DeviceEnrolmentEntity } from './device-enrolment.entity.js';

@Injectable()
export class DeviceEnrolmentRepository extends BaseRepository<DeviceEnrolmentEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, DeviceEnrolmentEntity);
  }

  findByHash(codeHash: string): Promise<DeviceEnrolmentEntity | null> {
    return this.repo().findOneBy({ codeHash });
  }

  /** A new code replaces the device's unused ones. */
  async deleteUnused(deviceId: string): Promise<void> {
    await this.repo().delete({ deviceId, usedAt: IsNull() });
  }

  /** Single use, atomically: true only for the one caller that marked it (two instances may race). */
  async markUsed(id: string, at: Date): Promise<boolean> {
    const result = await this.repo().update({ id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
