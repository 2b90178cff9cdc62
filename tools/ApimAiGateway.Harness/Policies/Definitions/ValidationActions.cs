using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>The actions of the validate-* policies: ignore, prevent (block), detect (log only).</summary>
public static class ValidationActions
{
    public static IReadOnlyList<string> All { get; } = ["ignore", "prevent", "detect"];
}
