import * as t from "io-ts";
import { partitionOfRegion } from "./aws-regions";
import { struct, text } from "./codec-kit";
import { preview } from "./preview";
import { parseRoleArn } from "./role-arn";

/** Codec of an AWS account id: exactly 12 digits. */
export const AwsAccountId = text("AwsAccountId", "a 12-digit AWS account id", (s) =>
  /^\d{12}$/.test(s) ? undefined : `expected a 12-digit AWS account id, found ${preview(s)}`,
);

/** Codec of an AWS region name from `AWS_REGIONS`. */
export const AwsRegion = text("AwsRegion", "an AWS region name such as us-east-1", (s) =>
  partitionOfRegion(s) !== undefined ? undefined : `expected an AWS region name such as us-east-1, found ${preview(s)}`,
);

/** Codec of an IAM role ARN string (see `parseRoleArn`). */
export const RoleArn = text("RoleArn", "an IAM role ARN", (s) => {
  const parsed = parseRoleArn(s);
  return parsed._tag === "Left" ? parsed.left : undefined;
});

/**
 * Codec of the AWS side of a source: the account that receives the events,
 * its region, and the IAM role Genesys assumes. The role must belong to the
 * same account and the same partition as the region.
 */
export const Configuration = struct(
  "Configuration",
  {
    /**
     * The AWS account that receives the events: exactly 12 digits.
     * @example "123456789012"
     */
    awsAccountId: AwsAccountId,
    /**
     * The IAM role Genesys assumes: `arn:<partition>:iam::<awsAccountId>:role/<name>`,
     * in `awsAccountId` and in the partition of `region`.
     * @example "arn:aws:iam::123456789012:role/genesys-eb-role"
     */
    roleArn: RoleArn,
    /**
     * The AWS region of the partner event source: a region name such as `us-east-1`.
     * @example "us-east-1"
     */
    region: AwsRegion,
  },
  {},
  (c) => {
    const arn = parseRoleArn(c.roleArn);
    if (arn._tag === "Left") return [];
    const findings = [];
    if (arn.right.accountId !== c.awsAccountId) {
      findings.push({
        at: ".roleArn",
        message: `expected a role in account ${c.awsAccountId} (awsAccountId), found account ${arn.right.accountId}`,
      });
    }
    const partition = partitionOfRegion(c.region);
    if (partition !== undefined && partition !== arn.right.partition) {
      findings.push({
        at: ".roleArn",
        message: `expected a role in partition ${partition} (the partition of region ${c.region}), found partition ${arn.right.partition}`,
      });
    }
    return findings;
  },
);
/** The AWS side of a source: account, region and role. */
export type Configuration = t.TypeOf<typeof Configuration>;
