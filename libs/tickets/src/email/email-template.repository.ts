import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailTemplateEntity } from './email-template.entity.js';

@Injectable()
export class EmailTemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(EmailTemplateEntity);
  }

  find(event: string): Promise<EmailTemplateEntity | null> {
    return this.repo.findOneBy({ event });
  }

  all(): Promise<EmailTemplateEntity[]> {
    return this.repo.find();
  }

  async save(row: EmailTemplateEntity): Promise<void> {
    await this.repo.save(row);
  }

  async remove(event: string): Promise<void> {
    await this.repo.delete({ event });
  }
}
