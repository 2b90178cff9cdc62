using ApimAiGateway.Harness.Services.Files;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class PathPatternTests
{
    [Theory]
    [InlineData("/items/{id}", "/items/7", true)]
    [InlineData("/items/{id}", "/items/", false)]
    [InlineData("/items/{id}", "/items/7/parts", false)]
    [InlineData("/items/*.json", "/items/a.json", true)]
    [InlineData("/items/*", "/items/a/b", false)]
    [InlineData("/items/**", "/items", true)]
    [InlineData("/items/**", "/items/a/b", true)]
    [InlineData("/**/completions", "/openai/deployments/x/chat/completions", true)]
    [InlineData("/Items", "/items", false)]
    [InlineData("/a+b", "/a+b", true)]
    [InlineData("/a.b", "/aXb", false)]
    public void Matches_whole_paths(string pattern, string path, bool matches)
    {
        Assert.True(PathPattern.TryParse(pattern, out var parsed, out _));

        Assert.Equal(matches, parsed.Matches(path));
    }

    [Theory]
    [InlineData("items", "it must start with '/'")]
    [InlineData("/a**", "'**' must be a whole segment")]
    [InlineData("/{id", "a '{' must be closed by '}' around a parameter name")]
    [InlineData("/{}", "a '{' must be closed by '}' around a parameter name")]
    [InlineData("/id}", "a '}' has no opening '{'")]
    public void Rejects_malformed_patterns(string pattern, string error)
    {
        Assert.False(PathPattern.TryParse(pattern, out _, out var reported));

        Assert.Equal(error, reported);
    }
}
