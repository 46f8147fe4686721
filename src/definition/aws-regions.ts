/** An AWS partition: the standard one, GovCloud (US) or China. */
export type AwsPartition = "aws" | "aws-us-gov" | "aws-cn";

/**
 * AWS region names that may receive events, by partition: every commercial
 * region, plus GovCloud (US) and China. See
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const AWS_REGIONS: Readonly<Record<AwsPartition, ReadonlyArray<string>>> = {
  aws: [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    "af-south-1",
    "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
    "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
    "eu-south-1", "eu-south-2", "eu-north-1",
    "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
  ],
  "aws-us-gov": ["us-gov-west-1", "us-gov-east-1"],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
};

/** The partition a known region belongs to, or `undefined` for an unknown name. */
export function partitionOfRegion(region: string): AwsPartition | undefined {
  return (Object.keys(AWS_REGIONS) as AwsPartition[]).find((p) => AWS_REGIONS[p].includes(region));
}
