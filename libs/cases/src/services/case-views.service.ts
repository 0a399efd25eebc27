import { Injectable } from '@nestjs/common';
import { ContactService } from '@switchboard/core';
import { toCaseView, type CaseView } from '../case.views.js';
import type { CaseEntity } from '../entities/case.entity.js';

/** CaseEntity → CaseView, with the customer read from the contact (names are never copied). */
@Injectable()
export class CaseViewBuilder {
  constructor(private readonly contacts: ContactService) {}

  async one(c: CaseEntity): Promise<CaseView> {
    return (await this.many([c]))[0];
  }

  async many(cases: CaseEntity[]): Promise<CaseView[]> {
    const ids = cases.map((c) => c.contactId).filter((id): id is string => !!id);
    const contacts = new Map((await this.contacts.getMany(ids)).map((c) => [c.id, c]));
    return cases.map((c) => toCaseView(c, c.contactId ? contacts.get(c.contactId) : undefined));
  }
}
