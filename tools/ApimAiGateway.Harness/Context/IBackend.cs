namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Backend</c>: the backend entity selected for the request.</summary>
public interface IBackend
{
    string Id { get; }

    BackendType Type { get; }

    string AzureRegion { get; }
}
