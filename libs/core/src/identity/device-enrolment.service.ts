import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { DomainError } from '../errors/domain.error.js';
import { newId } from '../ids/id.js';
import { DeviceEnrolmentEntity } from './device-enrolment.entity.js';
import { DeviceEnrolmentRepository } from './device-enrolment.repository.js';
import { DeviceService } from './device.service.js';
import type { DeviceView } from './identity.views.js';

/** How long an enrolment code works. */
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60_000;
// No 0/O, 1/I/L: people type these codes from a screen or a phone call.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Upper case, separators dropped: "abcd-efgh-jkmn" and "ABCDEFGHJKMN" are the same code. */
export const normalizeEnrolmentCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
const hashCode = (code: string) => createHash('sha256').update(normalizeEnrolmentCode(code)).digest('hex');

/**
 * Enrolment of a helpdesk agent: an admin creates a one-time code for a device, the agent
 * redeems it for a fresh device token (the previous token stops working). 12 characters from
 * 31 symbols (~59 bits), single use, 24 h: guessing one is not practical, and the public redeem
 * endpoint is rate limited per address besides.
 */
@Injectable()
export class DeviceEnrolmentService {
  constructor(
    private readonly codes: DeviceEnrolmentRepository,
    private readonly devices: DeviceService,
    private readonly clock: Clock,
  ) {}

  async create(
    deviceId: string,
    createdById: string | null,
  ): Promise<{ code: string; expiresAt: string; device: DeviceView }> {
    const device = await this.devices.get(deviceId);
    const code = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS);
    await this.codes.deleteUnused(deviceId);
    await this.codes.insert(
      Object.assign(new DeviceEnrolmentEntity(), {
        id: newId(),
        deviceId,
        codeHash: hashCode(code),
        expiresAt,
        usedAt: null,
        createdById,
        createdAt: now,
      }),
    );
    return {
      code: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`,
      expiresAt: expiresAt.toISOString(),
      device,
    };
  }

  /** One answer for unknown, used and expired codes: the caller learns nothing it could use. */
  async redeem(code: string): Promise<{ token: string; device: DeviceView }> {
    const invalid = () =>
      new DomainError(
        'INVALID_ENROLMENT_CODE',
        'This enrolment code is not valid (unknown, already used or expired); ask your administrator for a new one',
        400,
      );
    const normalized = normalizeEnrolmentCode(code ?? '');
    if (normalized.length !== 12) throw invalid();
    const row = await this.codes.findByHash(hashCode(normalized));
    const now = this.clock.now();
    if (!row || row.usedAt || new Date(row.expiresAt).getTime() <= now.getTime()) throw invalid();
    if (!(await this.codes.markUsed(row.id, now))) throw invalid();
    return this.devices.rotateToken(row.deviceId);
  }
}
