import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AccountPrincipal,
  ContactService,
  ContactView,
  TechnicianDirectory,
  Tx,
  ValidationFailedError,
} from '@switchboard/core';
import type { ProductFamilyEntity } from '../entities/product-family.entity.js';
import type { TicketStatusEntity } from '../entities/ticket-status.entity.js';
import type { CcEntry } from '../ticket.types.js';
import { ProductFamilyService } from './product-family.service.js';
import { TicketCcService } from './ticket-cc.service.js';
import { TicketStatusService } from './ticket-status.service.js';

/**
 * The references a ticket write may carry (status, product family, technicians, requester, Cc),
 * checked against what exists and what the technician may see. Shared by the create, update and
 * comment use cases so each answers the same 400 for the same mistake.
 */
@Injectable()
export class TicketInputChecker {
  constructor(
    private readonly statuses: TicketStatusService,
    private readonly families: ProductFamilyService,
    private readonly cc: TicketCcService,
    private readonly contacts: ContactService,
    private readonly directory: TechnicianDirectory,
    private readonly access: AccessPolicy,
  ) {}

  status(key: string, field = 'status', tx?: Tx): Promise<TicketStatusEntity> {
    return this.statuses.require(key, field, tx);
  }

  family(id: string): Promise<ProductFamilyEntity> {
    return this.families.require(id);
  }

  /** What the activity log keeps of a product family: its id and today's name (null id: none; name null: deleted). */
  async familyRef(id: string | null): Promise<{ id: string; name: string | null } | null> {
    if (!id) return null;
    return { id, name: (await this.families.find(id))?.name ?? null };
  }

  /** An account that may be assigned a ticket of this company (active, serving it: #13.6). */
  technician(id: string, field: string, companyId: string): Promise<void> {
    return this.technicians([id], field, companyId);
  }

  /** Accounts that may receive this company's ticket content; every refused one listed with its reason. */
  async technicians(ids: string[], field: string, companyId: string): Promise<void> {
    if (!ids.length) return;
    const { refused } = await this.directory.serving(companyId, ids);
    if (refused.length)
      throw new ValidationFailedError('Technician not allowed on this ticket', {
        [field]: refused.map((r) => r.message),
      });
  }

  /** The requester of a new ticket; a restricted technician may only pick contacts of companies they serve. */
  async requester(id: string, me?: AccountPrincipal): Promise<ContactView> {
    const unknown = () =>
      new ValidationFailedError('Unknown requester', { requesterId: [`contact ${id} does not exist`] });
    const requester = await this.contacts.get(id).catch(() => {
      throw unknown();
    });
    if (me && !this.access.canAccessCompany(me, requester.companyId)) throw unknown();
    return requester;
  }

  /** A new requester for an existing ticket: the requester defines the company, so it must stay the same. */
  async requesterInCompany(id: string, companyId: string, me?: AccountPrincipal): Promise<ContactView> {
    const requester = await this.contacts.get(id).catch(() => null);
    if (
      !requester ||
      requester.companyId !== companyId ||
      (me && !this.access.canAccessCompany(me, requester.companyId))
    )
      throw new ValidationFailedError('Invalid requester', {
        requesterId: [`contact ${id} does not exist in this ticket's company`],
      });
    return requester;
  }

  /** The contact record of a ticket's requester, if it still exists. */
  async requesterOf(ticket: { requesterId: string | null }): Promise<ContactView | undefined> {
    if (!ticket.requesterId) return undefined;
    const [requester] = await this.contacts.getMany([ticket.requesterId]);
    return requester;
  }

  /** `current`: the ticket's Cc today (kept without a new check). */
  normalizeCc(entries: CcEntry[], companyId: string, current: CcEntry[] = []): Promise<CcEntry[]> {
    return this.cc.normalize(entries, companyId, current);
  }

  /** The ticket's Cc with `extra` appended (Cc added while replying). */
  mergeCc(current: CcEntry[], extra: CcEntry[], companyId: string): Promise<CcEntry[]> {
    return this.cc.merge(current, extra, companyId);
  }
}
