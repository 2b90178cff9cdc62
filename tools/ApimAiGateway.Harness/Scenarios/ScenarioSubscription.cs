using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Harness.Scenarios;

/// <summary>A subscription a scenario file declares, with where its product is named (checked against the gateway's products).</summary>
public sealed record ScenarioSubscription(SubscriptionDefinition Definition, SourceLocation ProductLocation);
