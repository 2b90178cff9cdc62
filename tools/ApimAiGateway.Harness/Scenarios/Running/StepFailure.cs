using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Scenarios.Expectations;

namespace ApimAiGateway.Harness.Scenarios.Running;

/// <summary>The step a scenario stopped at, every expectation it missed, and the gateway's whole answer (with its trace).</summary>
public sealed record StepFailure(ScenarioStep Step, IReadOnlyList<ExpectationFailure> Failures, GatewayResult Result);
