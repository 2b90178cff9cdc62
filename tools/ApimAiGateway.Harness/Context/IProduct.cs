namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Product</c>: the product of the subscription used.</summary>
public interface IProduct
{
    /// <summary>Listed by the 2022 "API Management policy expressions" page, dropped from the 2026 table.</summary>
    IEnumerable<IApi> Apis { get; }

    bool ApprovalRequired { get; }

    IEnumerable<IGroup> Groups { get; }

    string Id { get; }

    string Name { get; }

    ProductState State { get; }

    /// <summary>Spelling of the current (2026) "API Management policy expressions" page.</summary>
    int? SubscriptionsLimit { get; }

    /// <summary>Spelling of the 2022 page and of Microsoft's policy toolkit, kept so older policies still compile.</summary>
    int? SubscriptionLimit => SubscriptionsLimit;

    bool SubscriptionRequired { get; }
}
