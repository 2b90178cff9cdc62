using ApimAiGateway.Harness.Templates;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>Keeps the written-out tag list in step with what the DotLiquid package actually registers.</summary>
public sealed class LiquidTagsTests
{
    public static TheoryData<string> Known => [.. LiquidTags.Blocks.Concat(LiquidTags.Singles)];

    [Theory]
    [MemberData(nameof(Known))]
    public void Every_listed_tag_is_known_to_dotliquid(string name)
    {
        var markup = LiquidTags.Blocks.Contains(name) ? $"{{% {name} x in y %}}{{% end{name} %}}" : $"{{% {name} x %}}";

        Assert.DoesNotContain("Unknown tag", ParseError(markup) ?? "");
    }

    [Fact]
    public void An_unlisted_tag_is_unknown_to_dotliquid() =>
        Assert.Contains("Unknown tag", ParseError("{% frobnicate %}"));

    private static string? ParseError(string markup)
    {
        try
        {
            LiquidEngine.Parse(markup);
            return null;
        }
        catch (Exception exception)
        {
            return exception.Message;
        }
    }
}
