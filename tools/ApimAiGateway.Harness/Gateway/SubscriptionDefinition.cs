namespace ApimAiGateway.Harness.Gateway;

/// <summary>A subscription: its keys, the product it is for, and the user who owns it.</summary>
public sealed record SubscriptionDefinition(string Id, string PrimaryKey, string ProductId)
{
    public string Name { get; init; } = Id;

    public string SecondaryKey { get; init; } = Id + "-secondary";

    public UserDefinition? User { get; init; }

    /// <summary>When the subscription was created (<c>context.Subscription.CreatedDate</c>); quota windows align to it.</summary>
    public DateTimeOffset? CreatedDate { get; init; }

    public bool Matches(string key) => key == PrimaryKey || key == SecondaryKey;
}

/// <summary>The owner of a subscription, as <c>context.User</c> shows it.</summary>
public sealed record UserDefinition(string Id, string Email)
{
    public string FirstName { get; init; } = string.Empty;

    public string LastName { get; init; } = string.Empty;

    public IReadOnlyList<string> Groups { get; init; } = [];
}
