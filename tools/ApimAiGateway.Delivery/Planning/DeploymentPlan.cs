using ApimAiGateway.Delivery.Resources;

namespace ApimAiGateway.Delivery.Planning;

/// <summary>The resources to deploy in order, and what stops them from being planned (reported before any call).</summary>
public sealed record DeploymentPlan(IReadOnlyList<PlannedResource> Resources, IReadOnlyList<string> Problems);
