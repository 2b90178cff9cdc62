namespace ApimAiGateway.Delivery.Publishing;

/// <summary>What publish does with a resource: send it (create, update), nothing (unchanged), or check it exists (verified).</summary>
public enum ResourceAction
{
    Create,
    Update,
    Unchanged,
    Verified,
}

/// <summary>What came of the action: sent and done, refused, or not sent because publish stopped (or what-if).</summary>
public enum ResourceOutcome
{
    None,
    Applied,
    Failed,
    NotApplied,
}
