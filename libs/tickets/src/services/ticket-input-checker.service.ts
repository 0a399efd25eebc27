import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AccountPrincipal,
  AccountService,
  ContactService,
  ContactView,
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
    private readonly accounts: AccountService,
    private readonly access: AccessPolicy,
  ) {}

  status(key: string, field = 'status', tx?: Tx): Promise<TicketStatusEntity> {
    return this.statuses.require(key, field, tx);
  }

  family(id: string): Promise<ProductFamilyEntity> {
    return this.families.require(id);
  }

  /** An active technician account. */
  async technician(id: string, field: string): Promise<void> {
    const account = await this.accounts.get(id).catch(() => null);
    if (!account || !account.active)
      throw new ValidationFailedError('Unknown technician', { [field]: [`account ${id} does not exist`] });
  }

  /** Active technician accounts, every missing one listed. */
  async technicians(ids: string[], field: string): Promise<void> {
    if (!ids.length) return;
    const found = await this.accounts.getMany(ids);
    const missing = ids.filter((id) => !found.some((a) => a.id === id && a.active));
    if (missing.length)
      throw new ValidationFailedError('Unknown technician', {
        [field]: missing.map((id) => `account ${id} does not exist`),
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
  async requesterOf(ticket: { requesterId: string }): Promise<ContactView | undefined> {
    const [requester] = await this.contacts.getMany([ticket.requesterId]);
    return requester;
  }

  normalizeCc(entries: CcEntry[], companyId: string): Promise<CcEntry[]> {
    return this.cc.normalize(entries, companyId);
  }

  /** The ticket's Cc with `extra` appended (Cc added while replying). */
  mergeCc(current: CcEntry[], extra: CcEntry[], companyId: string): Promise<CcEntry[]> {
    return this.cc.merge(current, extra, companyId);
  }
}
