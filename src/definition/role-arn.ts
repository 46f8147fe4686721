import { Either, left, right } from "fp-ts/Either";
import { AwsPartition } from "./aws-regions";
import { preview } from "./preview";

/** The parts of an IAM role ARN. */
export interface RoleArnParts {
  readonly partition: AwsPartition;
  readonly accountId: string;
  /** Path and name after `role/`, e.g. `service/genesys-eb-role`. */
  readonly resource: string;
}

const ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/(.+)$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PATH_PART = /^[\w+=,.@-]+$/;

/**
 * Parses `arn:<partition>:iam::<12 digits>:role/<path/name>`, where the
 * partition is `aws`, `aws-us-gov` or `aws-cn`, and the role name is 1..64 of
 * letters, digits and `+=,.@_-` (the IAM naming rules).
 */
export function parseRoleArn(arn: string): Either<string, RoleArnParts> {
  const m = ARN.exec(arn);
  const what = "an IAM role ARN arn:<aws|aws-us-gov|aws-cn>:iam::<12-digit account>:role/<name>";
  if (m === null) return left(`expected ${what}, found ${preview(arn)}`);
  const [, partition, accountId, resource] = m;
  const parts = resource.split("/");
  const name = parts[parts.length - 1];
  if (!ROLE_NAME.test(name) || !parts.slice(0, -1).every((p) => PATH_PART.test(p)) || resource.length > 576) {
    return left(`expected ${what} with a valid role path and name, found ${preview(arn)}`);
  }
  return right({ partition: partition as AwsPartition, accountId, resource });
}
