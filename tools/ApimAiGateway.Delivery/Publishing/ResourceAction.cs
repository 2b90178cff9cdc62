namespace ApimAiGateway.Delivery.Publishing;

/// <summary>What publish does with a resource: send it (create, update), nothing (unchanged), or check it exists (verified).</summary>
public enum ResourceAction
{
    Create,
    Update,
    Unchanged,
    Verified,
}
