import { Reply, genesysError } from "../http-io";
import type { EmulatorRequest, Route, RouteModule } from "../router";
import { TopicExpansion, checkTopicListing, isPreviewTopic, isTopicExpansion, presentTopic, topicExpansions } from "../catalog/available-topic";

/** The path of the platform's topic catalog. */
export const availableTopicsPath = "/api/v2/notifications/availabletopics";

function invalidQuery(request: EmulatorRequest, fieldName: string, message: string): Reply {
  return genesysError(400, "bad.request", `${fieldName}: ${message}`, request.correlationId, [{ errorCode: "invalid.value", fieldName, entityName: message }]);
}

/** The `expand` values of a request: repeated (`expand=a&expand=b`, as the SDKs send them) or comma-separated. */
function expansions(request: EmulatorRequest): Set<TopicExpansion> | { unknown: string } {
  const out = new Set<TopicExpansion>();
  for (const value of request.query.getAll("expand").flatMap((e) => e.split(",")).map((e) => e.trim()).filter((e) => e !== "")) {
    if (!isTopicExpansion(value)) return { unknown: value };
    out.add(value);
  }
  return out;
}

/**
 * The notification topic catalog: `GET /api/v2/notifications/availabletopics`
 * as the platform has it. Query `expand` (any of `description`,
 * `requiresPermissions`, `schema`, `transports`, `publicApiTemplateUriPaths`,
 * `topicParameters`, `enforced`, `visibility`; repeated or comma-separated)
 * and `includePreview` (default `true`); answers an
 * `AvailableTopicEntityListing` whose topics carry their `id` and only the
 * expanded fields. The admin routes `GET` / `PUT /__emulator/topics` read and
 * replace the catalog (validated: 400 naming the property path otherwise).
 */
export const notificationRoutes: RouteModule = (state): ReadonlyArray<Route> => [
  {
    method: "GET",
    pattern: availableTopicsPath,
    access: "read",
    handle(request) {
      const expand = expansions(request);
      if ("unknown" in expand) {
        return invalidQuery(request, "expand", `${JSON.stringify(expand.unknown)} is not an expansion of the available topics; expected any of ${topicExpansions.join(", ")}`);
      }
      const preview = request.query.get("includePreview");
      if (preview !== null && preview !== "true" && preview !== "false") return invalidQuery(request, "includePreview", `expected true or false, found ${JSON.stringify(preview)}`);
      const includePreview = preview !== "false";
      const entities = state.topics.entities.filter((topic) => includePreview || !isPreviewTopic(topic)).map((topic) => presentTopic(topic, expand));
      return { status: 200, body: { entities } };
    },
  },
  { method: "GET", pattern: "/__emulator/topics", access: "admin", handle: () => ({ status: 200, body: state.topics }) },
  {
    method: "PUT",
    pattern: "/__emulator/topics",
    access: "admin",
    handle(request) {
      const checked = checkTopicListing(request.body);
      if (!checked.ok) {
        return genesysError(400, "bad.request", `expected an AvailableTopicEntityListing ({ "entities": [{ "id": "v2.users.{id}.presence", "transports": ["All"], "schema": {...} }] }): ${checked.problems.join("; ")}`, request.correlationId);
      }
      state.topics = structuredClone(checked.listing);
      return { status: 200, body: state.topics };
    },
  },
];
