namespace ApimAiGateway.Hosting.Subscriptions;

/// <summary>A subscription of the local gateway: its id, the product it is for, and the key callers present.</summary>
public sealed record LocalSubscription(string Id, string ProductId, string Key)
{
    /// <summary>The key is a secret even locally: records print without it.</summary>
    public override string ToString() => $"{Id} ({ProductId})";
}
