import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailTemplateEntity } from './email-template.entity.js';

@Injectable()
export class EmailTemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(EmailTemplateEntity);
  }

  find(event: string, language: string): Promise<EmailTemplateEntity | null> {
    return this.repo.findOneBy({ event, language });
  }

  all(language: string): Promise<EmailTemplateEntity[]> {
    return this.repo.findBy({ language });
  }

  async save(row: EmailTemplateEntity): Promise<void> {
    await this.repo.save(row);
  }

  async remove(event: string, language: string): Promise<void> {
    await this.repo.delete({ event, language });
  }
}
