import { diffDefinitions } from "../../src/definition";
import { definition } from "./fixtures";

describe("diffDefinitions", () => {
  it("finds nothing between equal definitions", () => {
    expect(diffDefinitions(definition(), definition())).toEqual([]);
  });

  it("names changed fields of conditions, directives, mappings and configuration", () => {
    const next = definition((d) => {
      d.configuration.region = "eu-west-1";
      d.filters[0].conditions[1].value = ["queued"];
      d.filters[1].eventType = "v2.detail.events.conversation.{id}.acd.start";
      d.transformations[1].path = "[0].id";
      d.attributeMappings[0].target = "custom.tenantId";
    });
    expect(diffDefinitions(definition(), next)).toEqual([
      "configuration.region",
      "filters[0].conditions[1].value",
      "filters[1].eventType",
      "transformations[1].path",
      "attributeMappings[0].target",
    ]);
  });

  it("names an added or removed element by its index", () => {
    const more = definition((d) => {
      d.transformations.push({ sourceField: "metrics.duration", targetField: "duration", type: "direct" });
      d.filters[0].conditions.pop();
    });
    expect(diffDefinitions(definition(), more)).toEqual(["filters[0].conditions[1]", "transformations[3]"]);
    expect(diffDefinitions(more, definition())).toEqual(["filters[0].conditions[1]", "transformations[3]"]);
  });

  it("names an optional property that was set or dropped", () => {
    const noSuffix = definition((d) => delete d.eventSourceSuffix);
    const format = definition((d) => {
      d.transformations[0].type = "transform";
      d.transformations[0].format = "string";
    });
    expect([diffDefinitions(definition(), noSuffix), diffDefinitions(definition(), format)]).toEqual([
      ["eventSourceSuffix"],
      ["transformations[0].type", "transformations[0].format"],
    ]);
  });

  it("treats a default and its explicit value as equal", () => {
    const implicit = definition((d) => delete d.eventStreamType);
    expect(diffDefinitions(implicit, definition())).toEqual([]);
  });
});
