namespace ApimAiGateway.Harness.Context;

/// <summary>
/// The implicit <c>context</c> variable of APIM policy expressions
/// ("API Management policy expressions", Context variable table). Every member is read-only to expressions.
/// </summary>
public interface IExpressionContext
{
    IContextApi Api { get; }

    /// <summary>Backend entity selected for the request; null until one is chosen (docs use <c>context.Backend?.Type</c>).</summary>
    IBackend? Backend { get; }

    IDeployment Deployment { get; }

    /// <summary>Time elapsed since <see cref="Timestamp"/>.</summary>
    TimeSpan Elapsed { get; }

    /// <summary>Only meaningful inside GraphQL resolvers.</summary>
    IGraphQL GraphQL { get; }

    /// <summary>Populated while the on-error section runs; null otherwise.</summary>
    ILastError? LastError { get; }

    IOperation Operation { get; }

    /// <summary>Product of the subscription used; null when the call carries no subscription.</summary>
    IProduct? Product { get; }

    IRequest Request { get; }

    Guid RequestId { get; }

    IResponse Response { get; }

    /// <summary>Subscription whose key was presented; null for calls without a subscription.</summary>
    ISubscription? Subscription { get; }

    /// <summary>When the gateway received the request (UTC).</summary>
    DateTime Timestamp { get; }

    /// <summary>Whether request tracing is enabled for this call.</summary>
    bool Tracing { get; }

    /// <summary>Owner of the subscription; null for anonymous calls.</summary>
    IUser? User { get; }

    IVariables Variables { get; }

    /// <summary>Workspace of the API; null when the API is not in a workspace.</summary>
    IWorkspace? Workspace { get; }

    /// <summary>Writes a message to the request trace, the same channel as the <c>trace</c> policy.</summary>
    void Trace(string message);
}
