import { SetMetadata } from '@nestjs/common';

export const UNMASKED = 'switchboard:unmasked';

/**
 * Opt a controller or route out of outbound PII masking. Only for staff data where masking is
 * wrong (own profile, accounts, settings, plugins, health) or for the audited reveal endpoints.
 * Everything else is masked by default; the masking guard test lists every opted-out route.
 */
export const Unmasked = () => SetMetadata(UNMASKED, true);
