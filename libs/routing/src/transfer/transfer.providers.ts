import { ContactReleaseRegistry } from '../offers/contact-release.registry.js';
import { ContactHandover } from './contact-handover.service.js';
import { ContactTransferCheck } from './contact-transfer-check.service.js';
import { ContactTransferService } from './contact-transfer.service.js';
import { TransferNotices } from './transfer-notices.service.js';
import { TransferTargetsService } from './transfer-targets.service.js';

/** The transfer's providers (#14), listed here so the module's own list stays one line per feature. */
export const TRANSFER_PROVIDERS = [
  ContactReleaseRegistry,
  ContactTransferCheck,
  ContactHandover,
  ContactTransferService,
  TransferNotices,
  TransferTargetsService,
];
