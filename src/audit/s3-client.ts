import type { S3Client } from "@aws-sdk/client-s3";

/** S3_ENDPOINT_ENV is the standard AWS variable naming an S3-compatible endpoint, honoured when no endpoint is configured. */
export const S3_ENDPOINT_ENV = "AWS_ENDPOINT_URL_S3";

/** S3StoreOptions says how to reach the S3 store; credentials and region come from the standard AWS chain. */
export interface S3StoreOptions {
  /**
   * An S3-compatible endpoint (e.g. `http://127.0.0.1:9000`), which implies
   * path-style addressing. Default: `$AWS_ENDPOINT_URL_S3`, else AWS itself.
   */
  readonly s3Endpoint?: string;
  /** Where `AWS_ENDPOINT_URL_S3` and `AWS_REGION` are read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** s3EndpointOf is the endpoint the options select: the explicit one, else `$AWS_ENDPOINT_URL_S3`, else none (AWS). */
export function s3EndpointOf(options: S3StoreOptions): string | undefined {
  const env = options.env ?? process.env;
  const named = options.s3Endpoint !== undefined && options.s3Endpoint !== "" ? options.s3Endpoint : env[S3_ENDPOINT_ENV];
  return named === undefined || named === "" ? undefined : named;
}

/** s3Sdk is the AWS SDK's S3 module, loaded on first use so that file-store users never pay for it. */
export function s3Sdk(): typeof import("@aws-sdk/client-s3") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@aws-sdk/client-s3") as typeof import("@aws-sdk/client-s3");
}

/**
 * makeS3Client is an S3 client for the audit store. With an explicit
 * endpoint the client uses path-style addressing (S3-compatible servers
 * rarely resolve bucket host names), a region from `AWS_REGION` or
 * `us-east-1`, and sends checksums only where S3 requires them. Credentials
 * are the SDK's default chain (environment, profile, web identity, instance
 * role); they never pass through this package.
 */
export function makeS3Client(options: S3StoreOptions): S3Client {
  const sdk = s3Sdk();
  const env = options.env ?? process.env;
  const endpoint = s3EndpointOf(options);
  if (endpoint === undefined) return new sdk.S3Client({ followRegionRedirects: true });
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1";
  return new sdk.S3Client({
    endpoint,
    forcePathStyle: true,
    region,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}
