import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'switchboard:public';
/** No technician session needed (login, health, public portal endpoints, device/portal-token routes). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
