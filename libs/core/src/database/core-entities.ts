import { SystemSecretEntity } from '../auth/system-secret.entity.js';
import { StoredFileEntity } from '../files/stored-file.entity.js';
import { AccountCompanyAccessEntity } from '../identity/account-company-access.entity.js';
import { AccountEntity } from '../identity/account.entity.js';
import { CompanyEntity } from '../identity/company.entity.js';
import { ContactEntity } from '../identity/contact.entity.js';
import { DeviceEnrolmentEntity } from '../identity/device-enrolment.entity.js';
import { DeviceEntity } from '../identity/device.entity.js';
import { OutboxMessageEntity } from '../mail/outbox-message.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { DeadlineEntity } from '../scheduler/deadline.entity.js';
import { SettingEntity } from '../settings/setting.entity.js';
// plugins:begin
import { PluginInstallationEntity } from '../plugins/plugin-installation.entity.js';
import { PluginKvEntity } from '../plugins/plugin-kv.entity.js';
import { ChannelInstanceEntity } from '../channels/channel-instance.entity.js';
import { InboundMessageEntity } from '../channels/inbound-message.entity.js';
// plugins:end

/** The core's tables; the app composes them with the libs' entities. */
export const CORE_ENTITIES = [
  CompanyEntity,
  ContactEntity,
  AccountEntity,
  AccountCompanyAccessEntity,
  DeviceEntity,
  DeviceEnrolmentEntity,
  SettingEntity,
  DeadlineEntity,
  SystemSecretEntity,
  StoredFileEntity,
  OutboxMessageEntity,
  NotificationEntity,
  // plugins:begin
  PluginInstallationEntity,
  PluginKvEntity,
  ChannelInstanceEntity,
  InboundMessageEntity,
  // plugins:end
];
