namespace ApimAiGateway.Harness.Execution.Pipeline;

/// <summary>
/// Stands where a policy the harness does not emulate is used: reaching it stops the run with a located error,
/// never a silent skip. It is not an APIM error, so on-error does not see it.
/// </summary>
internal sealed class NotEmulatedStep(PolicyLocation location) : IPolicyStep
{
    public ValueTask ExecuteAsync(PolicyExecutionContext context) =>
        throw new PolicyNotEmulatedException(location);
}

/// <summary>The run reached a policy the harness does not emulate.</summary>
public sealed class PolicyNotEmulatedException(PolicyLocation location)
    : Exception($"{location.Source}: policy '{location.PolicyName}' is not emulated by the harness, so the run stops here.")
{
    public PolicyLocation Location { get; } = location;
}
