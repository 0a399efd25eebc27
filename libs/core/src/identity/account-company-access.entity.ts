import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Which companies a restricted technician may work on. */
@Entity('account_company_access')
export class AccountCompanyAccessEntity {
  @PrimaryColumn('varchar', { length: 36 })
  accountId: string;

  @Index()
  @PrimaryColumn('varchar', { length: 36 })
  companyId: string;
}
