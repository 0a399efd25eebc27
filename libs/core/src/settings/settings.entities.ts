import { SettingEntity } from './setting.entity.js';

/** The settings folder's tables. */
export const SETTINGS_ENTITIES = [SettingEntity];
