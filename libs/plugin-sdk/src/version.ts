/**
 * The SDK version this package implements. A plugin's manifest `apiVersion` is a semver range
 * checked against it by the host at boot. Kept as a literal (not read from package.json) so the
 * SDK needs no file access and bundles cleanly; a unit spec keeps both in sync.
 */
export const SDK_VERSION = '1.4.0';
