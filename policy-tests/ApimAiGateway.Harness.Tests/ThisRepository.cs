using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Harness.Tests;

/// <summary>The repository these tests run from, found the way the CLI finds one (the nearest directory with policies/).</summary>
internal static class ThisRepository
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests do not run inside the repository.");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
