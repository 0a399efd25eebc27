import { Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy.service.js';
import { AccessRevocations } from './access-revocations.service.js';
import { AccountRepository } from './account.repository.js';
import { AccountService } from './account.service.js';
import { AccountsController } from './accounts.controller.js';
import { CompaniesController } from './companies.controller.js';
import { CompanyRepository } from './company.repository.js';
import { CompanyService } from './company.service.js';
import { ContactRepository } from './contact.repository.js';
import { ContactService } from './contact.service.js';
import { ContactsController } from './contacts.controller.js';
import { DeviceEnrolmentController } from './device-enrolment.controller.js';
import { DeviceEnrolmentRepository } from './device-enrolment.repository.js';
import { DeviceEnrolmentService } from './device-enrolment.service.js';
import { DeviceRepository } from './device.repository.js';
import { DeviceService } from './device.service.js';
import { DevicesController } from './devices.controller.js';
import { MeController } from './me.controller.js';
import { PasswordHasher } from './password-hasher.service.js';
import { PasswordPolicy } from './password-policy.service.js';
import { RevokedSessionRepository } from './revoked-session.repository.js';
import { SessionPrincipals } from './session-principals.service.js';
import { TechnicianDirectoryRepository } from './technician-directory.repository.js';
import { TechnicianDirectory } from './technician-directory.service.js';
import { TechniciansController } from './technicians.controller.js';

@Module({
  controllers: [
    CompaniesController,
    ContactsController,
    AccountsController,
    DevicesController,
    DeviceEnrolmentController,
    MeController,
    TechniciansController,
  ],
  providers: [
    AccessPolicy,
    AccessRevocations,
    RevokedSessionRepository,
    SessionPrincipals,
    PasswordHasher,
    PasswordPolicy,
    CompanyRepository,
    ContactRepository,
    AccountRepository,
    DeviceRepository,
    CompanyService,
    ContactService,
    AccountService,
    DeviceService,
    TechnicianDirectoryRepository,
    TechnicianDirectory,
    DeviceEnrolmentRepository,
    DeviceEnrolmentService,
  ],
  exports: [
    AccessPolicy,
    AccessRevocations,
    RevokedSessionRepository,
    SessionPrincipals,
    CompanyService,
    ContactService,
    AccountService,
    DeviceService,
    TechnicianDirectory,
  ],
})
export class IdentityModule {}
