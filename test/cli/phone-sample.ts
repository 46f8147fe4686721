import { fixture } from "../definition/fixtures";
import { tempDir, writeJson } from "./run-cli";

/** The conversation-created sample as if it came from the phone channel, written to a new `phone.json`; returns its path. */
export function phoneSampleFile(): string {
  const sample = fixture("samples/conversation-created.json") as any;
  sample.event.metadata.source = "phone";
  return writeJson(tempDir(), "phone.json", sample);
}

/** How the CLI reports that sample against the fixture definition: its first filter's type, refused by that filter's first condition. */
export const phoneMismatch = {
  sample: 0,
  eventType: "v2.detail.events.conversation.{id}.customer.start",
  file: "phone.json",
  filter: 0,
  matched: false,
  failedCondition: "filters[0].conditions[0]",
};
