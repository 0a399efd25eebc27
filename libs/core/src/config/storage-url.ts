/** Where file contents live: the data folder (default) or an S3-protocol bucket. */
export type StorageSetting = { kind: 'local' } | S3StorageSetting;

export interface S3StorageSetting {
  kind: 's3';
  bucket: string;
  /** Prepended to every object key (`s3://bucket/some/prefix`), without a leading slash, with a trailing one. */
  prefix: string;
  /** An S3-compatible server (MinIO, Ceph, ...); unset: AWS itself. */
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
  /** From AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; unset: the SDK's default chain (profiles, instance roles). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

const PARAMETERS = new Set(['endpoint', 'region', 'forcePathStyle']);
/** S3's bucket naming rules (3–63 characters, lowercase letters, digits, dots and hyphens, no IP addresses). */
const BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EXAMPLE = 's3://my-bucket?region=eu-west-1 or s3://my-bucket?endpoint=http://minio:9000&forcePathStyle=true';

/**
 * Parses SWITCHBOARD_STORAGE. Problems are returned, not thrown, so the config lists them with
 * the others. Credentials and the default region come from the usual AWS variables.
 */
export function parseStorageUrl(
  value: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { setting: StorageSetting; problems: string[] } {
  const local: StorageSetting = { kind: 'local' };
  const raw = value?.trim();
  if (!raw || raw.toLowerCase() === 'local') return { setting: local, problems: [] };
  const fail = (why: string) => ({ setting: local, problems: [`SWITCHBOARD_STORAGE ${why} (e.g. ${EXAMPLE})`] });

  if (!/^s3:\/\//i.test(raw)) return fail('must be "local" or an s3:// URL');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('is not a valid URL');
  }
  if (url.username || url.password)
    return fail('must not carry credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  const bucket = url.hostname;
  if (!BUCKET.test(bucket)) return fail(`names an invalid bucket "${bucket}"`);

  const problems: string[] = [];
  for (const key of url.searchParams.keys())
    if (!PARAMETERS.has(key))
      problems.push(`SWITCHBOARD_STORAGE has an unknown parameter "${key}" (known: ${[...PARAMETERS].join(', ')})`);

  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !isHttpUrl(endpoint))
    problems.push(`SWITCHBOARD_STORAGE endpoint must be an http:// or https:// URL, got "${endpoint}"`);

  const pathStyle = url.searchParams.get('forcePathStyle');
  if (pathStyle !== null && !/^(true|false)$/i.test(pathStyle))
    problems.push(`SWITCHBOARD_STORAGE forcePathStyle must be true or false, got "${pathStyle}"`);

  // S3-compatible servers mostly ignore the region, but the SDK signs with one.
  const region =
    url.searchParams.get('region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || (endpoint ? 'us-east-1' : '');
  if (!region) problems.push('SWITCHBOARD_STORAGE needs a region for AWS: add ?region=... or set AWS_REGION');
  else if (!/^[a-z0-9-]{1,40}$/i.test(region))
    problems.push(`SWITCHBOARD_STORAGE region "${region}" is not a region name`);

  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!!accessKeyId !== !!secretAccessKey)
    problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');

  const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  if (problems.length) return { setting: local, problems };
  return {
    setting: {
      kind: 's3',
      bucket,
      prefix: path ? `${path}/` : '',
      endpoint: endpoint?.replace(/\/+$/, ''),
      region,
      forcePathStyle: pathStyle?.toLowerCase() === 'true',
      credentials:
        accessKeyId && secretAccessKey
          ? { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) }
          : undefined,
    },
    problems: [],
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}
