namespace ApimAiGateway.Harness.Context;

/// <summary>Names under which the API accepts the subscription key.</summary>
public interface ISubscriptionKeyParameterNames
{
    string Header { get; }

    string Query { get; }
}
