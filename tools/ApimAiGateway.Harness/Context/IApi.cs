namespace ApimAiGateway.Harness.Context;

/// <summary>An API as listed in <see cref="IProduct.Apis"/> ("API Management policy expressions", IApi).</summary>
public interface IApi
{
    string Id { get; }

    string Name { get; }

    string Path { get; }

    IEnumerable<string> Protocols { get; }

    /// <summary>Web service URL of the API; null when the API has none and a policy must set the backend.</summary>
    IUrl? ServiceUrl { get; }

    ISubscriptionKeyParameterNames SubscriptionKeyParameterNames { get; }
}
