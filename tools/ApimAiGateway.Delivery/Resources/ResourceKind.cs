namespace ApimAiGateway.Delivery.Resources;

/// <summary>The kinds of API Management resource delivery handles, declared in the order they are deployed.</summary>
public enum ResourceKind
{
    NamedValue,
    Backend,
    Fragment,
    GlobalPolicy,
    ProductPolicy,
    ApiPolicy,
    OperationPolicy,
}
