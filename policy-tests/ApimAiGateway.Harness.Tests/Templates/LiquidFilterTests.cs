using static ApimAiGateway.Harness.Tests.Templates.LiquidMessages;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>
/// Each filter "set-body policy" lists (Supported Liquid filters), in its PascalCase spelling; values are what
/// DotLiquid's built-ins produce with C# naming and the invariant culture.
/// </summary>
public sealed class LiquidFilterTests
{
    [Theory]
    [InlineData("{{ -5 | Abs }}", "5")]
    [InlineData("{{ 'a' | Append: 'b' }}", "ab")]
    [InlineData("{{ 5 | AtLeast: 7 }}", "7")]
    [InlineData("{{ 5 | AtMost: 3 }}", "3")]
    [InlineData("{{ 'hello' | Capitalize }}", "Hello")]
    [InlineData("{{ body.sparse | Compact | Size }}", "2")]
    [InlineData("{{ 3 | Currency }}", "¤3.00")]
    [InlineData("{{ '2024-03-01T10:00:00Z' | Date: 'yyyy-MM-dd' }}", "2024-03-01")]
    [InlineData("{{ body.missing | Default: 'none' }}", "none")]
    [InlineData("{{ 10 | DividedBy: 4 }}|{{ 10.0 | DividedBy: 4 }}", "2|2.5")]
    [InlineData("{{ 'ABC' | Downcase }}", "abc")]
    [InlineData("{{ '<a>' | Escape }}|{{ '<a>' | H }}", "&lt;a&gt;|&lt;a&gt;")]
    [InlineData("{{ body.list | First }}|{{ body.list | Last }}", "3|2")]
    [InlineData("{{ body.list | Join: '-' }}", "3-1-2")]
    [InlineData("[{{ '  a ' | Lstrip }}]", "[a ]")]
    [InlineData("{{ body.people | Map: 'name' | Join: ',' }}", "ann,bo")]
    [InlineData("{{ 5 | Minus: 2 }}|{{ 5 | Plus: 2 }}|{{ 5 | Times: 2 }}|{{ 7 | Modulo: 3 }}", "3|7|10|1")]
    [InlineData("{{ body.multiline | NewlineToBr }}", "a<br />\nb")]
    [InlineData("{{ 'b' | Prepend: 'a' }}", "ab")]
    [InlineData("{{ 'a-b-c' | Remove: '-' }}|{{ 'a-b-c' | RemoveFirst: '-' }}", "abc|ab-c")]
    [InlineData("{{ 'a-b-c' | Replace: '-', '+' }}|{{ 'a-b-c' | ReplaceFirst: '-', '+' }}", "a+b+c|a+b-c")]
    [InlineData("{{ 2.567 | Round: 2 }}", "2.57")]
    [InlineData("[{{ ' a  ' | Rstrip }}]", "[ a]")]
    [InlineData("{{ 'abc' | Size }}|{{ body.list | Size }}", "3|3")]
    [InlineData("{{ 'abcdef' | Slice: 1, 2 }}", "bc")]
    [InlineData("{{ body.list | Sort | Join: '' }}", "123")]
    [InlineData("{{ 'a,b' | Split: ',' | Last }}", "b")]
    [InlineData("[{{ '  a  ' | Strip }}]", "[a]")]
    [InlineData("{{ '<p>hi</p>' | StripHtml }}", "hi")]
    [InlineData("{{ body.multiline | StripNewlines }}", "ab")]
    [InlineData("{{ 'abcdefghij' | Truncate: 6 }}", "abc...")]
    [InlineData("{{ 'one two three' | TruncateWords: 2 }}", "one two...")]
    [InlineData("{{ 'a,b,a' | Split: ',' | Uniq | Join: '' }}", "ab")]
    [InlineData("{{ 'abc' | Upcase }}", "ABC")]
    [InlineData("{{ 'a b&c' | UrlEncode }}|{{ 'a+b%26c' | UrlDecode }}", "a+b%26c|a b&c")]
    public void Documented_filters_work_in_pascal_case(string template, string expected)
    {
        const string body = """{"sparse":[1,null,2],"list":[3,1,2],"people":[{"name":"ann"},{"name":"bo"}],"multiline":"a\nb"}""";

        Assert.Equal(expected, Rendered(template, body));
    }

    // "set-body policy": "The policy requires Pascal casing for Liquid filter names"; DotLiquid's Ruby-style names
    // and its undocumented extras fail the render rather than pass the value through unchanged.
    [Theory]
    [InlineData("{{ 'abc' | upcase }}", "upcase")]
    [InlineData("{{ 'abc' | Base64Encode }}", "Base64Encode")]
    [InlineData("{% assign x = 'abc' | Reverse %}{{ x }}", "Reverse")]
    public void Filters_outside_the_documented_list_fail_the_render(string template, string filter)
    {
        var result = RenderRequest(template);

        Assert.False(result.Succeeded);
        Assert.Contains(filter, result.Failure);
    }
}
