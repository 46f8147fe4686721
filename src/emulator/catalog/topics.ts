/*
 * The emulator's built-in topic catalog.
 *
 * This is the emulator's data, not Genesys's: the topics are real Genesys
 * Cloud notification topics, and their event-body schemas were written for
 * the emulator from the public documentation of those topics (the
 * developer center's notification topic pages and the field lists of the
 * public SDK models such as `CustomerStartDetailEventTopicCustomerStartEvent`,
 * `PresenceEventUserPresence`, `QueueConversationEventTopicParticipant`,
 * `AuditTopicAuditLogMessage`). They cover the fields a definition commonly
 * reads, not every field the platform may send. Transports, permissions and
 * visibility follow the documentation where it says, else they are the
 * emulator's choice (one topic of each transport kind, one preview topic),
 * so tests meet every case. Every schema's `id` starts with
 * `urn:emulator:` to say whose it is.
 */
import type { AvailableTopic, AvailableTopicEntityListing } from "./available-topic";

type Schema = Record<string, unknown>;

const string = (description?: string): Schema => ({ type: "string", ...(description === undefined ? {} : { description }) });
const dateTime = (description?: string): Schema => ({ ...string(description), format: "date-time" });
const integer = (description?: string): Schema => ({ type: "integer", ...(description === undefined ? {} : { description }) });
const number = (): Schema => ({ type: "number" });
const boolean = (): Schema => ({ type: "boolean" });
const oneOf = (...values: string[]): Schema => ({ type: "string", enum: values });
const arrayOf = (items: Schema): Schema => ({ type: "array", items });
const object = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({ type: "object", properties, ...extra });
const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const stringMap = (): Schema => ({ type: "object", additionalProperties: { type: "string" } });

/** The root of a topic's schema: an object schema marked as the emulator's. */
function eventSchema(topic: string, title: string, properties: Record<string, Schema>, definitions?: Record<string, Schema>): Schema {
  return {
    id: `urn:emulator:genesys-eventbridge:topic:${topic}`,
    $schema: "http://json-schema.org/draft-04/schema#",
    title,
    type: "object",
    properties,
    ...(definitions === undefined ? {} : { definitions }),
  };
}

const mediaType = oneOf("UNKNOWN", "VOICE", "CHAT", "EMAIL", "CALLBACK", "COBROWSE", "VIDEO", "SCREENSHARE", "MESSAGE", "INTERNALMESSAGE");
const direction = oneOf("UNKNOWN", "INBOUND", "OUTBOUND");
const messageType = oneOf("UNKNOWN", "SMS", "TWITTER", "FACEBOOK", "LINE", "WHATSAPP", "WEBMESSAGING", "OPEN", "INSTAGRAM", "APPLE");
const disconnectType = oneOf(
  "ENDPOINT", "CLIENT", "SYSTEM", "TRANSFER", "ERROR", "PEER", "OTHER", "SPAM", "TIMEOUT", "TRANSPORT_FAILURE",
  "CONFERENCE_TRANSFER", "CONSULT_TRANSFER", "FORWARD_TRANSFER", "NO_ANSWER_TRANSFER", "NOT_AVAILABLE_TRANSFER", "UNCALLABLE",
);

/** The fields of the detail events of a user's segment (after-call work, user start and end): the user and the queue. */
function userSegmentFields(): Record<string, Schema> {
  return { userId: string(), queueId: string() };
}

/** The fields every conversation detail event has (the detail-events topics' shared part). */
function detailEventFields(): Record<string, Schema> {
  return {
    eventTime: integer("When the event happened, in milliseconds since the epoch"),
    conversationId: string(),
    participantId: string(),
    sessionId: string(),
    mediaType,
    provider: string(),
    direction,
    ani: string(),
    dnis: string(),
    addressTo: string(),
    addressFrom: string(),
    callbackUserName: string(),
    callbackNumbers: arrayOf(string()),
    callbackScheduledTime: integer(),
    subject: string(),
    messageType,
    conversationExternalContactIds: arrayOf(string()),
    conversationExternalOrganizationIds: arrayOf(string()),
    divisionId: string(),
  };
}

const journeyContextDefinitions: Record<string, Schema> = {
  journeyContext: object({
    customer: object({ id: string(), idType: string() }),
    customerSession: object({ id: string(), type: string() }),
    triggeringAction: object({ id: string(), actionMap: object({ id: string(), version: integer() }) }),
  }),
};

const organizationPresence: Schema = object({
  id: string(),
  systemPresence: oneOf("AVAILABLE", "AWAY", "BUSY", "OFFLINE", "IDLE", "ON_QUEUE", "MEAL", "TRAINING", "MEETING", "BREAK"),
});

const conversationDefinitions: Record<string, Schema> = {
  wrapup: object({ code: string(), notes: string(), tags: arrayOf(string()), durationSeconds: integer(), endTime: dateTime() }),
  communication: object({
    id: string(),
    state: oneOf("alerting", "dialing", "contacting", "offering", "connected", "disconnected", "terminated", "converting", "uploading", "transmitting", "scheduled", "none"),
    direction: oneOf("inbound", "outbound"),
    provider: string(),
    held: boolean(),
    connectedTime: dateTime(),
    disconnectedTime: dateTime(),
    disconnectType: string(),
  }),
  participant: object({
    id: string("A globally unique identifier for this participant"),
    connectedTime: dateTime(),
    endTime: dateTime(),
    userId: string(),
    externalContactId: string(),
    externalOrganizationId: string(),
    name: string(),
    queueId: string(),
    groupId: string(),
    teamId: string(),
    purpose: string("customer, agent, acd, ivr, workflow, ..."),
    address: string(),
    wrapupRequired: boolean(),
    wrapupTimeoutMs: integer(),
    wrapup: ref("wrapup"),
    startAcwTime: dateTime(),
    endAcwTime: dateTime(),
    mediaRoles: arrayOf(string()),
    attributes: stringMap(),
    calls: arrayOf(ref("communication")),
    chats: arrayOf(ref("communication")),
    emails: arrayOf(ref("communication")),
    messages: arrayOf(ref("communication")),
    callbacks: arrayOf(ref("communication")),
  }),
};

function conversationFields(): Record<string, Schema> {
  return {
    id: string("The conversation id"),
    maxParticipants: integer(),
    participants: arrayOf(ref("participant")),
    recordingState: oneOf("none", "active", "paused"),
    address: string(),
    externalTag: string(),
    utilizationLabelId: string(),
    divisions: arrayOf(object({ division: object({ id: string() }), entities: arrayOf(object({ id: string() })) })),
  };
}

const statistics: Schema = object({
  max: number(),
  min: number(),
  count: integer(),
  sum: number(),
  current: number(),
  ratio: number(),
  numerator: number(),
  denominator: number(),
  target: number(),
});

function topic(fields: AvailableTopic): AvailableTopic {
  return { enforced: true, visibility: "Public", topicParameters: ["id"], ...fields };
}

const detailPermissions = { requiresPermissions: ["analytics:conversationDetail:view"], permissionDetails: [{ type: "All", permissions: ["analytics:conversationDetail:view"], allowsCurrentUser: false, enforced: true }] };

/**
 * A conversation detail topic: detail permissions, every transport, the
 * analytics details path, and a schema of the shared detail fields plus `fields`.
 */
function detailTopic(
  id: string,
  title: string,
  description: string,
  fields: Record<string, Schema>,
  extra: { definitions?: Record<string, Schema>; visibility?: AvailableTopic["visibility"] } = {},
): AvailableTopic {
  return topic({
    id,
    description,
    ...detailPermissions,
    ...(extra.visibility === undefined ? {} : { visibility: extra.visibility }),
    transports: ["All"],
    publicApiTemplateUriPaths: ["/api/v2/analytics/conversations/{id}/details"],
    schema: eventSchema(id, title, { ...detailEventFields(), ...fields }, extra.definitions),
  });
}

/**
 * The emulator's built-in catalog, as `GET /api/v2/notifications/availabletopics?expand=...`
 * lists it with every expansion: conversation detail events, user presence
 * and activity, queue conversations, audits, flow aggregates, and two
 * Websocket-only topics (`v2.users.{id}.conversations`,
 * `v2.conversations.{id}.transcription`). Transports: `All` for most,
 * `EventBridge` for the audit topic, `Websocket` for the two above;
 * `v2.detail.events.conversation.{id}.flow.start` is a preview topic.
 * See the header of this file for where the data comes from.
 */
export const emulatorTopicCatalog: AvailableTopicEntityListing = {
  entities: [
    detailTopic("v2.detail.events.conversation.{id}.customer.start", "CustomerStartEvent", "A customer joins a conversation (the customer segment starts).", {
      externalOrganizationId: string(),
      externalContactId: string(),
      journeyContext: ref("journeyContext"),
    }, { definitions: journeyContextDefinitions }),
    detailTopic("v2.detail.events.conversation.{id}.customer.end", "CustomerEndEvent", "A customer leaves a conversation (the customer segment ends).", {
      externalOrganizationId: string(),
      externalContactId: string(),
      disconnectType,
      interactingDurationMs: integer(),
      journeyContext: ref("journeyContext"),
    }, { definitions: journeyContextDefinitions }),
    detailTopic("v2.detail.events.conversation.{id}.acw", "AfterCallWorkEvent", "An agent finishes after-call work on a conversation (wrap-up).", {
      ...userSegmentFields(),
      wrapupCode: string(),
      wrapupNotes: string(),
      wrapupDurationMs: integer(),
    }),
    detailTopic("v2.detail.events.conversation.{id}.user.start", "UserStartEvent", "A user (agent) joins a conversation.", {
      ...userSegmentFields(),
      teamId: string(),
      requestedRoutingSkillIds: arrayOf(string()),
      routingPriority: integer(),
    }),
    detailTopic("v2.detail.events.conversation.{id}.user.end", "UserEndEvent", "A user (agent) leaves a conversation.", {
      ...userSegmentFields(),
      disconnectType,
      interactingDurationMs: integer(),
      heldDurationMs: integer(),
      wrapupCode: string(),
    }),
    detailTopic("v2.detail.events.conversation.{id}.acd.start", "AcdStartEvent", "A conversation enters a queue (ACD).", {
      queueId: string(),
      utilizationLabel: string(),
      routingPriority: integer(),
      requestedRoutingSkillIds: arrayOf(string()),
    }),
    detailTopic("v2.detail.events.conversation.{id}.flow.start", "FlowStartEvent", "A conversation enters an Architect flow.", {
      flowType: oneOf("INBOUNDCALL", "INBOUNDCHAT", "INBOUNDEMAIL", "INBOUNDSHORTMESSAGE", "INQUEUECALL", "OUTBOUNDCALL", "BOT", "WORKFLOW", "SECURECALL"),
      flowId: string(),
      flowVersion: string(),
    }, { visibility: "Preview" }),
    topic({
      id: "v2.users.{id}.presence",
      description: "A user's presence changes.",
      requiresPermissions: [],
      requiresCurrentUserOrPermission: false,
      transports: ["All"],
      publicApiTemplateUriPaths: ["/api/v2/users/{id}/presences/{sourceId}"],
      schema: eventSchema("v2.users.{id}.presence", "UserPresence", {
        source: string("Where the presence was set, such as PURECLOUD"),
        presenceDefinition: ref("organizationPresence"),
        primary: boolean(),
        message: string(),
        modifiedDate: dateTime(),
        futurePresenceDefinition: ref("organizationPresence"),
      }, { organizationPresence }),
    }),
    topic({
      id: "v2.users.{id}.activity",
      description: "A user's activity changes: presence, routing status, out of office, active queues.",
      requiresPermissions: [],
      transports: ["All"],
      publicApiTemplateUriPaths: ["/api/v2/users/{id}"],
      schema: eventSchema("v2.users.{id}.activity", "UserActivity", {
        id: string("The user id"),
        routingStatus: object({ status: oneOf("OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING", "COMMUNICATING"), startTime: dateTime() }),
        presence: object({ presenceDefinition: ref("organizationPresence"), presenceMessage: string(), modifiedDate: dateTime() }),
        outOfOffice: object({ active: boolean(), startDate: dateTime(), endDate: dateTime() }),
        activeQueueIds: arrayOf(string()),
        dateActiveQueuesChanged: dateTime(),
      }, { organizationPresence }),
    }),
    topic({
      id: "v2.routing.queues.{id}.conversations",
      description: "A conversation in a queue changes (participants, their communications and wrap-up).",
      requiresPermissions: ["routing:queue:view"],
      transports: ["All"],
      publicApiTemplateUriPaths: ["/api/v2/conversations/{id}"],
      schema: eventSchema("v2.routing.queues.{id}.conversations", "QueueConversation", conversationFields(), conversationDefinitions),
    }),
    topic({
      id: "v2.audits.entitytype.{id}.entityid.{id}",
      description: "An audited change to an entity (who changed what, with the property changes).",
      requiresPermissions: ["audits:audit:view"],
      transports: ["EventBridge"],
      topicParameters: ["entityType", "entityId"],
      publicApiTemplateUriPaths: ["/api/v2/audits/query/realtime"],
      schema: eventSchema("v2.audits.entitytype.{id}.entityid.{id}", "AuditLogMessage", {
        id: string(),
        userId: string(),
        userHomeOrgId: string(),
        username: object({ id: string(), name: string() }),
        userDisplay: string(),
        clientId: object({ id: string() }),
        remoteIp: arrayOf(string()),
        serviceName: string("The service that audited the change, such as Presence or Routing"),
        eventTime: dateTime(),
        message: object({ localizableMessageCode: string(), message: string(), messageWithParams: string(), messageParams: stringMap() }),
        action: string("Create, Update, Delete, ..."),
        entityType: string("UserPresence, Queue, Flow, ..."),
        entity: object({ id: string(), name: string() }),
        propertyChanges: arrayOf(object({ property: string(), entity: object({ id: string(), name: string() }), oldValues: arrayOf(string()), newValues: arrayOf(string()) })),
        context: stringMap(),
      }),
    }),
    topic({
      id: "v2.analytics.flow.{id}.aggregates",
      description: "Aggregate statistics of an Architect flow, per interval.",
      requiresPermissions: ["analytics:flowAggregate:view"],
      transports: ["All"],
      publicApiTemplateUriPaths: ["/api/v2/analytics/flows/aggregates/query"],
      schema: eventSchema("v2.analytics.flow.{id}.aggregates", "FlowAggregates", {
        group: object({ flowId: string(), mediaType: string(), direction: string(), queueId: string() }),
        data: arrayOf(object({
          interval: string("An ISO-8601 interval"),
          metrics: arrayOf(object({ metric: string("nFlow, tFlow, nFlowOutcome, ..."), qualifier: string(), stats: statistics })),
        })),
      }),
    }),
    topic({
      id: "v2.users.{id}.conversations",
      description: "A conversation of a user changes (Websocket notifications only).",
      requiresPermissions: [],
      requiresCurrentUser: true,
      transports: ["Websocket"],
      publicApiTemplateUriPaths: ["/api/v2/conversations/{id}"],
      schema: eventSchema("v2.users.{id}.conversations", "UserConversation", conversationFields(), conversationDefinitions),
    }),
    topic({
      id: "v2.conversations.{id}.transcription",
      description: "Live transcription of a conversation's voice media (Websocket notifications only).",
      requiresPermissions: ["recording:recording:view"],
      transports: ["Websocket"],
      publicApiTemplateUriPaths: [],
      schema: eventSchema("v2.conversations.{id}.transcription", "ConversationTranscription", {
        organizationId: string(),
        conversationId: string(),
        communicationId: string(),
        sessionStartTimeMs: integer(),
        transcriptionStartTimeMs: integer(),
        transcripts: arrayOf(object({
          utteranceId: string(),
          isFinal: boolean(),
          channel: oneOf("INTERNAL", "EXTERNAL"),
          alternatives: arrayOf(object({ confidence: number(), offsetMs: integer(), durationMs: integer(), transcript: string() })),
          engineProvider: string(),
          dialect: string(),
        })),
        status: object({ status: string(), offsetMs: integer() }),
      }),
    }),
  ],
};
