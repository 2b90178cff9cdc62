namespace ApimAiGateway.Delivery.Publishing;

/// <summary>What came of the action: sent and done, refused, or not sent because publish stopped (or what-if).</summary>
public enum ResourceOutcome
{
    None,
    Applied,
    Failed,
    NotApplied,
}
