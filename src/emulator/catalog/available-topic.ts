import { AvailableTopic, AvailableTopicEntityListing } from "../../definition/catalog/available-topic";
import { checkTopicListing } from "../../definition/catalog/check-listing";

export { AvailableTopic, AvailableTopicEntityListing, checkTopicListing };

/** The values `expand` of `GET /api/v2/notifications/availabletopics` takes. */
export const topicExpansions = [
  "description",
  "requiresPermissions",
  "schema",
  "transports",
  "publicApiTemplateUriPaths",
  "topicParameters",
  "enforced",
  "visibility",
] as const;
/** One value of `expand` of the available-topics route. */
export type TopicExpansion = (typeof topicExpansions)[number];

/**
 * The fields each expansion adds to a topic. `requiresPermissions` brings
 * the permission rules with it (`permissionDetails`, `requiresCurrentUser`,
 * `requiresCurrentUserOrPermission`, `requiresDivisionPermissions`,
 * `requiresAnyValidator`); every other expansion adds the field of its name.
 */
const fieldsOf: Readonly<Record<TopicExpansion, ReadonlyArray<keyof AvailableTopic>>> = {
  description: ["description"],
  requiresPermissions: [
    "requiresPermissions",
    "permissionDetails",
    "requiresCurrentUser",
    "requiresCurrentUserOrPermission",
    "requiresDivisionPermissions",
    "requiresAnyValidator",
  ],
  schema: ["schema"],
  transports: ["transports"],
  publicApiTemplateUriPaths: ["publicApiTemplateUriPaths"],
  topicParameters: ["topicParameters"],
  enforced: ["enforced"],
  visibility: ["visibility"],
};

/** Whether `value` is one of {@link topicExpansions}. */
export function isTopicExpansion(value: string): value is TopicExpansion {
  return (topicExpansions as ReadonlyArray<string>).includes(value);
}

/**
 * A topic as the platform answers it for a set of expansions: its `id`, and
 * of the other fields only those the expansions name (the rest is left out,
 * not sent as `null`).
 */
export function presentTopic(topic: AvailableTopic, expand: ReadonlySet<TopicExpansion>): AvailableTopic {
  const out: Record<string, unknown> = { id: topic.id };
  for (const expansion of expand) {
    for (const key of fieldsOf[expansion]) {
      const value = topic[key];
      if (value !== undefined) out[key] = value;
    }
  }
  return out as AvailableTopic;
}

/** Whether a topic is a preview topic (`visibility: "Preview"`, compared case-insensitively). */
export function isPreviewTopic(topic: AvailableTopic): boolean {
  return topic.visibility?.toLowerCase() === "preview";
}
