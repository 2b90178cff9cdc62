namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Operation</c>: the operation the request matched.</summary>
public interface IOperation
{
    string Id { get; }

    string Method { get; }

    string Name { get; }

    string UrlTemplate { get; }
}
