import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError, newId } from '@switchboard/core';
import type { CreateWrapUpReasonDto, UpdateWrapUpReasonDto } from '../dto/wrap-up-reason.dto.js';
import { WrapUpReasonEntity } from '../entities/wrap-up-reason.entity.js';
import { WrapUpReasonRepository } from '../repositories/wrap-up-reason.repository.js';
import type { WrapUpReasonView } from '../routing.types.js';

/** An optional French label as stored: blank means none. */
const frLabel = (value: string | null | undefined): string | null => value?.trim() || null;

/** Wrap-up reasons: admin CRUD; agents read the active ones in the wrap-up dialog. */
@Injectable()
export class WrapUpReasonService {
  constructor(
    private readonly reasons: WrapUpReasonRepository,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateWrapUpReasonDto): Promise<WrapUpReasonView> {
    const now = this.clock.now();
    const reason = Object.assign(new WrapUpReasonEntity(), {
      id: newId(),
      label: dto.label.trim(),
      labelKey: dto.label.trim().toLowerCase(),
      labelFr: frLabel(dto.labelFr),
      active: dto.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    await this.saveUnique(reason, false);
    return toWrapUpReasonView(reason);
  }

  async list(activeOnly = false): Promise<WrapUpReasonView[]> {
    return (await this.reasons.list(activeOnly)).map(toWrapUpReasonView);
  }

  async update(id: string, dto: UpdateWrapUpReasonDto): Promise<WrapUpReasonView> {
    const reason = await this.load(id);
    if (dto.label !== undefined)
      Object.assign(reason, { label: dto.label.trim(), labelKey: dto.label.trim().toLowerCase() });
    if (dto.labelFr !== undefined) reason.labelFr = frLabel(dto.labelFr);
    if (dto.active !== undefined) reason.active = dto.active;
    reason.updatedAt = this.clock.now();
    await this.saveUnique(reason, true);
    return toWrapUpReasonView(reason);
  }

  async remove(id: string): Promise<void> {
    await this.load(id);
    await this.reasons.deleteById(id);
  }

  /** For the wrap-up step: an active reason or a 404 naming it. */
  async active(id: string): Promise<WrapUpReasonEntity> {
    const reason = await this.reasons.findById(id);
    if (!reason?.active) throw new NotFoundError('Wrap-up reason', id);
    return reason;
  }

  private async load(id: string): Promise<WrapUpReasonEntity> {
    const reason = await this.reasons.findById(id);
    if (!reason) throw new NotFoundError('Wrap-up reason', id);
    return reason;
  }

  private async saveUnique(reason: WrapUpReasonEntity, update: boolean): Promise<void> {
    const conflict = () => new ConflictError(`A wrap-up reason "${reason.label}" already exists`);
    const other = await this.reasons.findByLabelKey(reason.labelKey);
    if (other && other.id !== reason.id) throw conflict();
    try {
      if (update) await this.reasons.save(reason);
      else await this.reasons.insert(reason);
    } catch (error) {
      const winner = await this.reasons.findByLabelKey(reason.labelKey);
      if (winner && winner.id !== reason.id) throw conflict();
      throw error;
    }
  }
}

export const toWrapUpReasonView = (r: WrapUpReasonEntity): WrapUpReasonView => ({
  id: r.id,
  label: r.label,
  labelFr: r.labelFr ?? null,
  active: r.active,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});
