using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// Runs the repository's own fragment files through the harness: a gateway whose API policy includes the fragments
/// under test where a real API would, so each test exercises the fragment's contract as API teams use it.
/// </summary>
internal static class FragmentFixture
{
    public static string RepositoryRoot { get; } = ApimAiGateway.Harness.Gateway.Loading.RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests do not run inside the repository.");

    public static string FragmentText(string id) => File.ReadAllText(Path.Combine(RepositoryRoot, "fragments", id + ".xml"));

    /// <summary>A builder with the named fragments loaded from fragments/ and an API policy of the given sections.</summary>
    public static GatewayBuilder Gateway(IEnumerable<string> fragments, string inbound, string backend = "<forward-request />", string outbound = "", string onError = "")
    {
        var builder = new GatewayBuilder();
        foreach (var id in fragments)
        {
            builder.WithFragment(id, FragmentText(id), Path.Combine("fragments", id + ".xml"));
        }

        return builder
            .WithGlobalPolicy($"<policies><inbound /><backend>{backend}</backend><outbound /><on-error>{onError}</on-error></policies>")
            .WithApiPolicy("openai", $"<policies><inbound><base />{inbound}</inbound><backend><base /></backend><outbound><base />{outbound}</outbound><on-error><base /></on-error></policies>");
    }
}
