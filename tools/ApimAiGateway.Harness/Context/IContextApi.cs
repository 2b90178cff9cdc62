namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Api</c>: the current API with its revision and version.</summary>
public interface IContextApi : IApi
{
    bool IsCurrentRevision { get; }

    string Revision { get; }

    string Version { get; }
}
