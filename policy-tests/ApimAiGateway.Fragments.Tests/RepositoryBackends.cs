using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>The backends fragments are deployed with (policies/backends.json): the regional accounts and the pool.</summary>
internal static class RepositoryBackends
{
    /// <summary>The host the simulated Azure OpenAI account of a region answers on (aoai-&lt;region&gt; in backends.json).</summary>
    public static string Host(string region) => BackendsFile.SimulatedAccount(region) + ".openai.azure.com";

    public static GatewayBuilder WithRepositoryBackends(this GatewayBuilder builder)
    {
        var (backends, diagnostics) = BackendsFile.Load(Path.Combine(FragmentFixture.RepositoryRoot, "policies", "backends.json"));
        Assert.Empty(diagnostics);
        foreach (var backend in backends)
        {
            builder.WithBackend(backend);
        }

        return builder;
    }
}
