import { UAParser } from 'ua-parser-js';
import type { DeviceInfo } from '../portal.types.js';

/** Browser, OS and device type from the user agent (ua-parser-js), language from Accept-Language. */
export function deviceInfoFrom(
  userAgent: string | undefined,
  acceptLanguage: string | undefined,
  language?: string,
): DeviceInfo {
  const ua = userAgent?.slice(0, 1000) || null;
  const parsed = ua ? new UAParser(ua).getResult() : null;
  const join = (name?: string, version?: string) => (name ? [name, version].filter(Boolean).join(' ') : null);
  const lang = language?.trim() || acceptLanguage?.split(',')[0]?.split(';')[0]?.trim() || null;
  return {
    browser: join(parsed?.browser.name, parsed?.browser.major),
    os: join(parsed?.os.name, parsed?.os.version),
    deviceType: parsed?.device.type ?? 'desktop',
    language: lang ? lang.slice(0, 35) : null,
    userAgent: ua,
  };
}
