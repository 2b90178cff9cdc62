using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Tests.Context;

public sealed class MultiValueDictionaryTests
{
    [Fact]
    public void Header_names_are_case_insensitive()
    {
        var headers = MultiValueDictionary.ForHeaders();
        headers.Set("Content-Type", "application/json");

        Assert.True(headers.ContainsKey("content-type"));
        Assert.Equal(["application/json"], headers["CONTENT-TYPE"]);
        Assert.Equal("application/json", headers.GetValueOrDefault("content-TYPE"));
    }

    [Fact]
    public void Query_names_are_case_sensitive()
    {
        var query = MultiValueDictionary.ForQuery();
        query.Set("v", "1");

        Assert.Null(query.GetValueOrDefault("V"));
    }

    [Fact]
    public void Lookup_joins_all_values_with_a_comma_and_no_space()
    {
        // "API Management policy expressions": header GetValueOrDefault returns comma-separated values.
        IMultiValueDictionary headers = HeadersWith("Accept", "text/plain", "application/json");

        Assert.Equal("text/plain,application/json", headers.GetValueOrDefault("Accept"));
        Assert.Equal("text/plain,application/json", headers.GetValueOrDefault("Accept", "fallback"));
    }

    [Fact]
    public void Missing_names_give_null_or_the_default()
    {
        IMultiValueDictionary headers = MultiValueDictionary.ForHeaders();

        Assert.Null(headers.GetValueOrDefault("Missing"));
        Assert.Equal("fallback", headers.GetValueOrDefault("Missing", "fallback"));
    }

    [Fact]
    public void Append_adds_a_value_and_remove_drops_the_name()
    {
        var headers = HeadersWith("X-A", "1");

        headers.Append("x-a", "2");
        headers.Append("X-B", "3");

        Assert.Equal(["1", "2"], headers["X-A"]);
        Assert.Equal(["3"], headers["X-B"]);
        Assert.True(headers.Remove("X-B"));
        Assert.False(headers.ContainsKey("X-B"));
    }

    [Fact]
    public void Clones_are_independent()
    {
        var original = HeadersWith("X-A", "1");

        var copy = original.Clone();
        copy.Append("X-A", "2");

        Assert.Equal(["1"], original["X-A"]);
        Assert.Equal(["1", "2"], copy["x-a"]);
    }

    private static MultiValueDictionary HeadersWith(string name, params string[] values)
    {
        var headers = MultiValueDictionary.ForHeaders();
        headers.Set(name, values);
        return headers;
    }
}
