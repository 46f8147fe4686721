import * as t from "io-ts";

/**
 * Codec of one `AvailableTopic` as `GET /api/v2/notifications/availabletopics`
 * answers it (fields of the public SDK model of that name): `id` is the topic
 * template such as `v2.users.{id}.presence`; every other field is optional,
 * and the platform sends it only when it was expanded. `transports` are
 * plain strings (`All`, `EventBridge`, `Websocket`, ...), and `schema` is the
 * JSON Schema of the event body.
 * See https://developer.genesys.cloud/notificationsalerts/notifications/available-topics
 */
export const AvailableTopic = t.intersection([
  t.type({ id: t.string }),
  t.partial({
    description: t.string,
    permissionDetails: t.array(t.partial({ type: t.string, permissions: t.array(t.string), allowsCurrentUser: t.boolean, enforced: t.boolean })),
    requiresPermissions: t.array(t.string),
    requiresDivisionPermissions: t.boolean,
    requiresAnyValidator: t.boolean,
    enforced: t.boolean,
    visibility: t.string,
    schema: t.UnknownRecord,
    requiresCurrentUser: t.boolean,
    requiresCurrentUserOrPermission: t.boolean,
    transports: t.array(t.string),
    publicApiTemplateUriPaths: t.array(t.string),
    topicParameters: t.array(t.string),
  }),
]);
/** One available notification topic (SDK model `AvailableTopic`). */
export type AvailableTopic = t.TypeOf<typeof AvailableTopic>;

/** Codec of an `AvailableTopicEntityListing`: `{ entities: AvailableTopic[] }`. */
export const AvailableTopicEntityListing = t.type({ entities: t.array(AvailableTopic) });
/** The topic catalog as the platform lists it (SDK model `AvailableTopicEntityListing`). */
export type AvailableTopicEntityListing = t.TypeOf<typeof AvailableTopicEntityListing>;
