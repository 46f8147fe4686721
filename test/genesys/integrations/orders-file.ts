/**
 * The orders integration of the export tests (account 123456789012,
 * us-east-1, suffix `orders-prod`), listening to these topics as the
 * console leaves them: presence before customer start.
 */
export const ordersEventFilter = ["v2.users.{id}.presence", "v2.detail.events.conversation.{id}.customer.start"];

/** The definition file that the orders integration exports to: its filters sorted by event type, each without conditions. */
export function ordersFile(intendedState: "ENABLED" | "DISABLED", roleArn: string): Record<string, unknown> {
  return {
    id: "orders",
    eventSourceSuffix: "orders-prod",
    intendedState,
    configuration: { awsAccountId: "123456789012", roleArn, region: "us-east-1" },
    filters: [
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [] },
      { eventType: "v2.users.{id}.presence", conditions: [] },
    ],
  };
}
