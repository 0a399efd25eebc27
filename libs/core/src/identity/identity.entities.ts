import { AccountCompanyAccessEntity } from './account-company-access.entity.js';
import { AccountEntity } from './account.entity.js';
import { CompanyEntity } from './company.entity.js';
import { ContactEntity } from './contact.entity.js';
import { DeviceEnrolmentEntity } from './device-enrolment.entity.js';
import { DeviceEntity } from './device.entity.js';
import { RevokedSessionEntity } from './revoked-session.entity.js';

/** The identity folder's tables. */
export const IDENTITY_ENTITIES = [
  CompanyEntity,
  ContactEntity,
  AccountEntity,
  AccountCompanyAccessEntity,
  DeviceEntity,
  DeviceEnrolmentEntity,
  RevokedSessionEntity,
];
