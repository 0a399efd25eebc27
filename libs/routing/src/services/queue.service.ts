import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AccountService,
  Clock,
  CompanyService,
  ConflictError,
  NotFoundError,
  ValidationFailedError,
  newId,
  type AccountPrincipal,
  type FieldErrors,
} from '@switchboard/core';
import type { CreateQueueDto, UpdateQueueDto } from '../dto/queue.dto.js';
import { QueueEntity } from '../entities/queue.entity.js';
import { QueueRepository } from '../repositories/queue.repository.js';
import { DEFAULT_MAX_WAIT_SECONDS, DEFAULT_OFFER_TIMEOUT_SECONDS, type QueueView } from '../routing.types.js';

/** Queues: admin CRUD; technicians read the queues of the companies they serve. */
@Injectable()
export class QueueService {
  constructor(
    private readonly queues: QueueRepository,
    private readonly companies: CompanyService,
    private readonly accounts: AccountService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateQueueDto): Promise<QueueView> {
    const now = this.clock.now();
    const queue = Object.assign(new QueueEntity(), {
      id: newId(),
      name: dto.name.trim(),
      nameKey: dto.name.trim().toLowerCase(),
      companyIds: [...new Set(dto.companyIds)],
      memberIds: [...new Set(dto.memberIds ?? [])],
      offerTimeoutSeconds: dto.offerTimeoutSeconds ?? DEFAULT_OFFER_TIMEOUT_SECONDS,
      maxWaitSeconds: dto.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS,
      createdAt: now,
      updatedAt: now,
    });
    await this.check(queue);
    await this.saveUnique(queue, false);
    return toQueueView(queue);
  }

  async list(viewer: AccountPrincipal): Promise<QueueView[]> {
    const filter = this.access.companyFilter(viewer);
    const all = await this.queues.list();
    return all.filter((q) => !filter || q.companyIds.some((c) => filter.includes(c))).map(toQueueView);
  }

  async get(id: string, viewer: AccountPrincipal): Promise<QueueView> {
    return toQueueView(await this.load(id, viewer));
  }

  /** For routing and the portal: the queue or null (no viewer scope). */
  findById(id: string): Promise<QueueEntity | null> {
    return this.queues.findById(id);
  }

  async update(id: string, dto: UpdateQueueDto, viewer: AccountPrincipal): Promise<QueueView> {
    const queue = await this.load(id, viewer);
    if (dto.name !== undefined) Object.assign(queue, { name: dto.name.trim(), nameKey: dto.name.trim().toLowerCase() });
    if (dto.companyIds !== undefined) queue.companyIds = [...new Set(dto.companyIds)];
    if (dto.memberIds !== undefined) queue.memberIds = [...new Set(dto.memberIds)];
    if (dto.offerTimeoutSeconds !== undefined) queue.offerTimeoutSeconds = dto.offerTimeoutSeconds;
    if (dto.maxWaitSeconds !== undefined) queue.maxWaitSeconds = dto.maxWaitSeconds;
    queue.updatedAt = this.clock.now();
    await this.check(queue);
    await this.saveUnique(queue, true);
    return toQueueView(queue);
  }

  async remove(id: string, viewer: AccountPrincipal): Promise<void> {
    await this.load(id, viewer);
    await this.queues.deleteById(id);
  }

  /** Unknown companies or accounts are field errors naming the ids, not a foreign-key 500. */
  private async check(queue: QueueEntity): Promise<void> {
    const errors: FieldErrors = {};
    const missing: string[] = [];
    for (const id of queue.companyIds) if (!(await this.companies.exists(id))) missing.push(id);
    if (missing.length) errors.companyIds = missing.map((id) => `company ${id} does not exist`);
    if (queue.memberIds.length) {
      const found = new Set((await this.accounts.getMany(queue.memberIds)).map((a) => a.id));
      const unknown = queue.memberIds.filter((id) => !found.has(id));
      if (unknown.length) errors.memberIds = unknown.map((id) => `account ${id} does not exist`);
    }
    if (Object.keys(errors).length) throw new ValidationFailedError('Invalid queue', errors);
  }

  private async saveUnique(queue: QueueEntity, update: boolean): Promise<void> {
    const other = await this.queues.findByNameKey(queue.nameKey);
    if (other && other.id !== queue.id) throw new ConflictError(`A queue named "${queue.name}" already exists`);
    try {
      if (update) await this.queues.save(queue);
      else await this.queues.insert(queue);
    } catch (error) {
      // The unique index settles a race between two admins: the same clear 409.
      const winner = await this.queues.findByNameKey(queue.nameKey);
      if (winner && winner.id !== queue.id) throw new ConflictError(`A queue named "${queue.name}" already exists`);
      throw error;
    }
  }

  private async load(id: string, viewer: AccountPrincipal): Promise<QueueEntity> {
    const queue = await this.queues.findById(id);
    const filter = this.access.companyFilter(viewer);
    if (!queue || (filter && !queue.companyIds.some((c) => filter.includes(c)))) throw new NotFoundError('Queue', id);
    return queue;
  }
}

export const toQueueView = (q: QueueEntity): QueueView => ({
  id: q.id,
  name: q.name,
  companyIds: q.companyIds,
  memberIds: q.memberIds,
  offerTimeoutSeconds: q.offerTimeoutSeconds,
  maxWaitSeconds: q.maxWaitSeconds,
  createdAt: new Date(q.createdAt).toISOString(),
  updatedAt: new Date(q.updatedAt).toISOString(),
});
