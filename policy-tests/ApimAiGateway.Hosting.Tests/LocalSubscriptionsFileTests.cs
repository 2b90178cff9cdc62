using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Hosting.Subscriptions;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>The subscriptions file: its problems come back located, never as exceptions.</summary>
public sealed class LocalSubscriptionsFileTests
{
    private static readonly string[] Products = ["basic", "standard"];

    [Fact]
    public void A_valid_file_gives_its_subscriptions()
    {
        var (subscriptions, diagnostics) = Parse("""{ "subscriptions": [ { "id": "team-a", "product": "basic", "key": "k1" } ] }""");

        Assert.Empty(diagnostics);
        Assert.Equal(new LocalSubscription("team-a", "basic", "k1"), Assert.Single(subscriptions));
        Assert.Equal("team-a (basic)", subscriptions[0].ToString());
    }

    [Theory]
    [InlineData("", "AGW8002", 1)]
    [InlineData("{ \"subscriptions\": [ \n { \"id\": \"a\", ", "AGW8002", 2)]
    [InlineData("\u0001\u0002binary", "AGW8002", 1)]
    [InlineData("[]", "AGW8003", 1)]
    [InlineData("{ \"subscriptions\": [ \"a\" ] }", "AGW8003", 1)]
    [InlineData("{ \"subscriptions\": [\n  { \"id\": \"a\", \"product\": \"gold\", \"key\": \"k\" } ] }", "AGW8007", 2)]
    [InlineData("{ \"subscriptions\": [\n  { \"id\": \"a\", \"product\": \"basic\" } ] }", "AGW8005", 2)]
    [InlineData("{ \"subscriptions\": [\n  { \"id\": \"a\", \"product\": \"basic\", \"key\": 42 } ] }", "AGW8003", 2)]
    [InlineData("{ \"subscriptions\": [\n  { \"id\": \"a\", \"product\": \"basic\", \"key\": \"k\", \"tier\": 1 } ] }", "AGW8004", 2)]
    [InlineData("{ \"subscriptions\": [ { \"id\": \"a\", \"product\": \"basic\", \"key\": \"k\" },\n { \"id\": \"a\", \"product\": \"basic\", \"key\": \"k2\" } ] }", "AGW8009", 2)]
    [InlineData("{ \"subscriptions\": [ { \"id\": \"a\", \"product\": \"basic\", \"key\": \"k\" },\n { \"id\": \"b\", \"product\": \"basic\", \"key\": \"k\" } ] }", "AGW8009", 2)]
    public void A_wrong_file_is_a_located_diagnostic(string json, string code, int line)
    {
        var (_, diagnostics) = Parse(json);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(("subscriptions.json", line), (diagnostic.Location.File, diagnostic.Location.Line));
    }

    [Fact]
    public void A_huge_file_is_read_without_trouble()
    {
        var entries = Enumerable.Range(0, 20_000).Select(i => $$"""{ "id": "s{{i}}", "product": "standard", "key": "k{{i}}" }""");

        var (subscriptions, diagnostics) = Parse($$"""{ "subscriptions": [ {{string.Join(",\n", entries)}} ] }""");

        Assert.Empty(diagnostics);
        Assert.Equal(20_000, subscriptions.Count);
    }

    [Fact]
    public void An_unwritable_place_for_a_new_file_is_a_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), "apim-serve-tests", Guid.NewGuid().ToString("n"), "missing-directory", "subscriptions.json");

        var load = LocalSubscriptionsFile.LoadOrCreate(path, Products);

        Assert.Equal("AGW8001", Assert.Single(load.Diagnostics).Code);
        Assert.Empty(load.Subscriptions);
    }

    private static (IReadOnlyList<LocalSubscription>, IReadOnlyList<Diagnostic>) Parse(string json) =>
        LocalSubscriptionsFile.Parse(json, "subscriptions.json", Products);
}
