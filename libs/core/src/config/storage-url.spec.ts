import { parseStorageUrl } from './storage-url.js';

describe('parseStorageUrl (SWITCHBOARD_STORAGE)', () => {
  it('defaults to the local disk', () => {
    expect(parseStorageUrl(undefined, {})).toEqual({ setting: { kind: 'local' }, problems: [] });
    expect(parseStorageUrl(' local ', {}).setting).toEqual({ kind: 'local' });
  });

  it('reads bucket, prefix, endpoint, region, path style and the AWS credentials', () => {
    const { setting, problems } = parseStorageUrl(
      's3://helpdesk-files/switchboard/prod/?endpoint=http://minio:9000/&region=eu-west-3&forcePathStyle=true',
      { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'tok' },
    );
    expect(problems).toEqual([]);
    expect(setting).toEqual({
      kind: 's3',
      bucket: 'helpdesk-files',
      prefix: 'switchboard/prod/',
      endpoint: 'http://minio:9000',
      region: 'eu-west-3',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'tok' },
    });
  });

  it('takes the region from AWS_REGION, and leaves credentials to the SDK chain when unset', () => {
    const { setting } = parseStorageUrl('s3://bucket1', { AWS_REGION: 'us-west-2' });
    expect(setting).toMatchObject({
      kind: 's3',
      region: 'us-west-2',
      prefix: '',
      endpoint: undefined,
      forcePathStyle: false,
    });
    expect(setting).toHaveProperty('credentials', undefined);
    // An S3-compatible endpoint without a region signs as us-east-1.
    expect(parseStorageUrl('s3://bucket1?endpoint=https://s3.local', {}).setting).toMatchObject({
      region: 'us-east-1',
    });
  });

  it.each([
    ['https://bucket', /must be "local" or an s3:\/\/ URL/],
    ['s3://Bad_Bucket', /invalid bucket "bad_bucket"|invalid bucket "Bad_Bucket"/],
    ['s3://ab', /invalid bucket "ab"/],
    ['s3://192.168.1.1', /invalid bucket/],
    ['s3://key:secret@bucket1?region=x', /must not carry credentials/],
    ['s3://bucket1?endpoint=minio:9000', /endpoint must be an http:\/\/ or https:\/\/ URL/],
    ['s3://bucket1?region=eu-west-1&forcePathStyle=yes', /forcePathStyle must be true or false/],
    ['s3://bucket1?region=eu-west-1&acl=public', /unknown parameter "acl"/],
    ['s3://bucket1', /needs a region for AWS/],
    ['s3://bucket1?region=eu west', /is not a region name/],
  ])('refuses %s with a clear message', (value, message) => {
    const { setting, problems } = parseStorageUrl(value, {});
    expect(setting).toEqual({ kind: 'local' });
    expect(problems.join('\n')).toMatch(message);
  });

  it('requires the access key id and secret together', () => {
    expect(parseStorageUrl('s3://bucket1?region=eu-west-1', { AWS_ACCESS_KEY_ID: 'AKID' }).problems).toEqual([
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together',
    ]);
  });
});
