using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Execution;

/// <summary>A call a request made to a backend or service, with the policy that made it and what came back.</summary>
public sealed record OutboundCall(string Policy, ServiceRequest Request, ServiceOutcome Outcome);
