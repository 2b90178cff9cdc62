namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Subscription</c>: the subscription whose key was presented.</summary>
public interface ISubscription
{
    /// <summary>Spelling of the current "API Management policy expressions" page.</summary>
    DateTime CreatedDate { get; }

    /// <summary>Spelling of the 2019 page, kept so older policies still compile.</summary>
    DateTime CreatedTime => CreatedDate;

    DateTime? EndDate { get; }

    string Id { get; }

    /// <summary>The key actually presented with the call.</summary>
    string Key { get; }

    string Name { get; }

    string PrimaryKey { get; }

    string SecondaryKey { get; }

    DateTime? StartDate { get; }
}
