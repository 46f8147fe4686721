import { AWS_REGIONS } from "../../definition";
import { Reply, genesysError } from "../http-io";
import type { EmulatorRequest, Route } from "../router";
import { eventBridgeSourceType, integrationsBase } from "./integration-records";

/** The path of the integration types. */
export const integrationTypesPath = `${integrationsBase}/types`;

const typePath = `${integrationTypesPath}/${eventBridgeSourceType.id}`;

/** The `amazon-eventbridge-source` type in full, as `GET /api/v2/integrations/types/{typeId}` answers it (SDK model `IntegrationType`). */
export const eventBridgeSourceTypeDetails = {
  ...eventBridgeSourceType,
  provider: "amazon",
  category: "Amazon Web Services",
  images: [],
  configPropertiesSchemaUri: `${typePath}/configschemas/properties`,
  configAdvancedSchemaUri: `${typePath}/configschemas/advanced`,
  vendorName: "Amazon Web Services",
  helpLinks: [],
  credentials: {},
  nonInstallable: false,
  userPermissions: [],
  vendorOAuthClientIds: [],
} as const;

/**
 * The config schemas of the `amazon-eventbridge-source` type (SDK model
 * `JsonSchemaDocument`), written for the emulator from the documented
 * constraints, which the config route enforces (`eventBridgePropertyProblems`).
 */
export const eventBridgeSourceConfigSchemas: Readonly<Record<string, Record<string, unknown>>> = {
  properties: {
    id: `${typePath}/configschemas/properties`,
    $schema: "http://json-schema.org/draft-04/schema#",
    title: "Amazon EventBridge Source properties",
    description: "Where Genesys Cloud sends the topics of eventFilter: the AWS account and region of the partner event source aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>.",
    type: "object",
    required: ["awsAccountId", "awsAccountRegion", "eventSourceSuffix", "eventFilter"],
    properties: {
      awsAccountId: { type: "string", title: "AWS Account ID", description: "The 12-digit id of the AWS account that receives the events", pattern: "^[0-9]{12}$" },
      awsAccountRegion: { type: "string", title: "AWS Account Region", enum: Object.values(AWS_REGIONS).flat() },
      eventSourceSuffix: { type: "string", title: "Event Source Suffix", description: "The last part of the partner event source name", minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9._-]{1,64}$" },
      eventFilter: { type: "array", title: "Topic Filtering", description: "Notification topics to send, such as v2.audits.entitytype.{id}.entityid.{id}", minItems: 1, uniqueItems: true, items: { type: "string" } },
    },
    additionalProperties: false,
  },
  advanced: {
    id: `${typePath}/configschemas/advanced`,
    $schema: "http://json-schema.org/draft-04/schema#",
    title: "Amazon EventBridge Source advanced settings",
    type: "object",
    properties: {},
  },
};

function typeNotFound(request: EmulatorRequest): Reply {
  return genesysError(404, "not.found", `integration type '${request.params.typeId}' not found; the emulator knows '${eventBridgeSourceType.id}'`, request.correlationId);
}

function pageParam(request: EmulatorRequest, name: string, fallback: number, max: number): number | undefined {
  const text = request.query.get(name);
  if (text === null) return fallback;
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= max ? Number(text) : undefined;
}

function list(request: EmulatorRequest): Reply {
  const pageSize = pageParam(request, "pageSize", 25, 100);
  const pageNumber = pageParam(request, "pageNumber", 1, Number.MAX_SAFE_INTEGER);
  if (pageSize === undefined) return genesysError(400, "bad.request", "pageSize: expected 1..100", request.correlationId, [{ errorCode: "invalid.value", fieldName: "pageSize" }]);
  if (pageNumber === undefined) return genesysError(400, "bad.request", "pageNumber: expected a positive integer", request.correlationId, [{ errorCode: "invalid.value", fieldName: "pageNumber" }]);
  const all = [eventBridgeSourceTypeDetails];
  const uri = (n: number) => `${integrationTypesPath}?pageSize=${pageSize}&pageNumber=${n}`;
  const pageCount = Math.ceil(all.length / pageSize);
  return {
    status: 200,
    body: {
      entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
      pageSize,
      pageNumber,
      total: all.length,
      firstUri: uri(1),
      selfUri: uri(pageNumber),
      lastUri: uri(pageCount),
      ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
      pageCount,
    },
  };
}

/**
 * The integration types as far as the emulator knows them (only
 * `amazon-eventbridge-source`): `GET /api/v2/integrations/types` (an
 * `IntegrationTypeEntityListing`, paged), `/types/{typeId}` and
 * `/types/{typeId}/configschemas/{configType}` (`properties` or `advanced`).
 * Registered before `/api/v2/integrations/{id}`, so `types` is not taken
 * for an integration id.
 */
export function integrationTypeRoutes(): ReadonlyArray<Route> {
  return [
    { method: "GET", pattern: integrationTypesPath, access: "read", handle: list },
    {
      method: "GET",
      pattern: `${integrationTypesPath}/:typeId`,
      access: "read",
      handle: (request) => (request.params.typeId === eventBridgeSourceType.id ? { status: 200, body: eventBridgeSourceTypeDetails } : typeNotFound(request)),
    },
    {
      method: "GET",
      pattern: `${integrationTypesPath}/:typeId/configschemas/:configType`,
      access: "read",
      handle(request) {
        if (request.params.typeId !== eventBridgeSourceType.id) return typeNotFound(request);
        const { configType } = request.params;
        const schema = Object.hasOwn(eventBridgeSourceConfigSchemas, configType) ? eventBridgeSourceConfigSchemas[configType] : undefined;
        return schema === undefined
          ? genesysError(404, "not.found", `config schema '${request.params.configType}' not found; expected properties or advanced`, request.correlationId)
          : { status: 200, body: schema };
      },
    },
  ];
}
