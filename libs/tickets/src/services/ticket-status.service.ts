import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError, newId, ValidationFailedError } from '@switchboard/core';
import { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { BUILT_IN_STATUSES, StatusCategory } from '../ticket.types.js';
import { TicketStatusView } from '../ticket.views.js';
import { Tx } from '@switchboard/core';

/** An optional French label as stored: blank means none. */
const frLabel = (value: string | null | undefined): string | null => value?.trim() || null;

const toView = (s: TicketStatusEntity): TicketStatusView => ({
  key: s.key,
  name: s.name,
  nameFr: s.nameFr ?? null,
  category: s.category,
  builtIn: s.builtIn,
  position: s.position,
});

/** Built-in and custom statuses. Built-ins are seeded at boot (idempotent, safe with two instances). */
@Injectable()
export class TicketStatusService implements OnApplicationBootstrap {
  constructor(
    private readonly statuses: TicketStatusRepository,
    private readonly tickets: TicketRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.statuses.insertIfMissing(
      BUILT_IN_STATUSES.map((s, i) =>
        Object.assign(new TicketStatusEntity(), {
          id: newId(),
          key: s.key,
          name: s.name,
          nameFr: s.nameFr,
          category: s.category,
          builtIn: true,
          position: i,
          createdAt: this.clock.now(),
        }),
      ),
    );
  }

  async list(): Promise<TicketStatusView[]> {
    return (await this.statuses.all()).map(toView);
  }

  /** The status, or a 400 naming the field (statuses are referenced from request bodies). */
  async require(key: string, field = 'status', tx?: Tx): Promise<TicketStatusEntity> {
    const status = await this.statuses.findByKey(key, tx);
    if (!status) throw new ValidationFailedError(`Unknown status "${key}"`, { [field]: [`unknown status "${key}"`] });
    return status;
  }

  async create(input: {
    key: string;
    name: string;
    nameFr?: string | null;
    category: StatusCategory;
    position?: number;
  }): Promise<TicketStatusView> {
    if (await this.statuses.findByKey(input.key))
      throw new ConflictError(`A status with key "${input.key}" already exists`);
    const status = Object.assign(new TicketStatusEntity(), {
      id: newId(),
      key: input.key,
      name: input.name.trim(),
      nameFr: frLabel(input.nameFr),
      category: input.category,
      builtIn: false,
      position: input.position ?? 100,
      createdAt: this.clock.now(),
    });
    await this.statuses.insert(status);
    return toView(status);
  }

  async update(
    key: string,
    input: { name?: string; nameFr?: string | null; category?: StatusCategory; position?: number },
  ): Promise<TicketStatusView> {
    const status = await this.statuses.findByKey(key);
    if (!status) throw new NotFoundError('Status', key);
    if (status.builtIn && input.category !== undefined && input.category !== status.category) {
      throw new ValidationFailedError('The category of a built-in status cannot change', {
        category: ['built-in statuses keep their category'],
      });
    }
    if (input.name !== undefined) status.name = input.name.trim();
    if (input.nameFr !== undefined) status.nameFr = frLabel(input.nameFr);
    if (input.position !== undefined) status.position = input.position;
    const recategorized = input.category !== undefined && input.category !== status.category;
    if (input.category !== undefined) status.category = input.category;
    await this.statuses.save(status);
    if (recategorized) await this.tickets.updateCategory(key, status.category);
    return toView(status);
  }

  async remove(key: string): Promise<void> {
    const status = await this.statuses.findByKey(key);
    if (!status) throw new NotFoundError('Status', key);
    if (status.builtIn) throw new ConflictError(`"${key}" is a built-in status and cannot be deleted`);
    const inUse = await this.tickets.countByStatus(key);
    if (inUse) throw new ConflictError(`"${key}" is used by ${inUse} ticket(s); move them to another status first`);
    await this.statuses.deleteById(status.id);
  }
}
