using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Policies;

public sealed class SuggestionTests
{
    [Theory]
    [InlineData("set-hedaer", "set-header")]
    [InlineData("set-heade", "set-header")]
    [InlineData("Set-Header", "set-header")]
    [InlineData("rate-limit-by-kye", "rate-limit-by-key")]
    [InlineData("validate-jtw", "validate-jwt")]
    [InlineData("forward-requests", "forward-request")]
    [InlineData("llm-token-limits", "llm-token-limit")]
    public void Misspelt_policy_gets_the_closest_name(string unknown, string expected)
    {
        Assert.Equal(expected, PolicyCatalog.Default.SuggestPolicy(unknown));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("my-custom-policy")]
    public void Nothing_close_gives_no_suggestion(string unknown)
    {
        Assert.Null(PolicyCatalog.Default.SuggestPolicy(unknown));
    }

    [Theory]
    [InlineData("set-header", "exist-action", "exists-action")]
    [InlineData("set-header", "nmae", "name")]
    [InlineData("validate-jwt", "header-nam", "header-name")]
    [InlineData("rate-limit-by-key", "counterkey", "counter-key")]
    public void Misspelt_attribute_gets_the_closest_attribute(string policy, string unknown, string expected)
    {
        Assert.True(PolicyCatalog.Default.TryGet(policy, out var definition));

        Assert.Equal(expected, PolicyCatalog.Default.SuggestAttribute(definition.Element, unknown));
    }

    [Fact]
    public void Unrelated_attribute_gets_no_suggestion()
    {
        Assert.True(PolicyCatalog.Default.TryGet("set-header", out var definition));

        Assert.Null(PolicyCatalog.Default.SuggestAttribute(definition.Element, "template"));
    }

    [Fact]
    public void Misspelt_child_gets_the_closest_child()
    {
        Assert.True(PolicyCatalog.Default.TryGet("choose", out var definition));

        Assert.Equal("otherwise", PolicyCatalog.Default.SuggestChild(definition.Element, "otherwize"));
    }

    [Fact]
    public void Swapped_letters_count_as_one_edit()
    {
        Assert.Equal(1, NameSuggester.Distance("hedaer", "header"));
        Assert.Equal(3, NameSuggester.Distance("kitten", "sitting"));
    }

    [Fact]
    public void Unknown_policy_message_carries_the_suggestion()
    {
        var diagnostic = StructureDiagnostics.UnknownPolicy.At(
            new SourceLocation("api.xml", 3, 5), "set-hedaer", StructureDiagnostics.DidYouMean("set-header"));

        Assert.Equal("Unknown policy 'set-hedaer'. Did you mean 'set-header'?", diagnostic.Message);
        Assert.Equal("AGW3001", diagnostic.Code);
    }

    [Fact]
    public void Unknown_policy_message_without_suggestion_ends_cleanly()
    {
        var diagnostic = StructureDiagnostics.UnknownPolicy.At(
            new SourceLocation("api.xml", 1, 1), "banana", StructureDiagnostics.DidYouMean(null));

        Assert.Equal("Unknown policy 'banana'.", diagnostic.Message);
    }
}
