using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Tests.Context;

public sealed class UrlTests
{
    [Fact]
    public void An_absolute_url_splits_into_its_parts()
    {
        IUrl url = Parse("https://API.contoso.test:8443/orders/42?v=2&tag=a&tag=b");

        Assert.Equal("https", url.Scheme);
        Assert.Equal("api.contoso.test", url.Host);
        Assert.Equal(8443, url.Port);
        Assert.Equal("/orders/42", url.Path);
        Assert.Equal(["a", "b"], url.Query["tag"]);
        Assert.Equal("?v=2&tag=a&tag=b", url.QueryString);
    }

    [Theory]
    [InlineData("https://h.test/p", 443)]
    [InlineData("http://h.test/p", 80)]
    public void The_port_defaults_to_the_schemes(string text, int port)
    {
        Assert.Equal(port, Parse(text).Port);
    }

    [Fact]
    public void Without_a_query_the_query_string_is_empty_so_path_plus_query_string_is_the_path()
    {
        var url = Parse("https://h.test");

        Assert.Equal("/", url.Path);
        Assert.Empty(url.Query);
        Assert.Equal("", url.QueryString);
    }

    [Fact]
    public void Query_values_are_decoded_and_re_encoded()
    {
        var url = Parse("https://h.test/?q=a+b%26c&empty=&flag");

        Assert.Equal("a b&c", url.Query.GetValueOrDefault("q"));
        Assert.Equal("", url.Query.GetValueOrDefault("empty"));
        Assert.Equal("", url.Query.GetValueOrDefault("flag"));
        Assert.Equal("?q=a%20b%26c&empty=&flag=", url.QueryString);
    }

    [Fact]
    public void Changes_show_in_the_query_string_and_text()
    {
        var url = Parse("https://h.test/a?x=1");

        url.Path = "/b";
        url.Query.Set("y", "2");
        url.Port = 8080;

        Assert.Equal("?x=1&y=2", url.QueryString);
        Assert.Equal("https://h.test:8080/b?x=1&y=2", url.ToString());
    }

    [Fact]
    public void Default_ports_are_left_out_of_the_text()
    {
        Assert.Equal("https://h.test/a", Parse("https://h.test:443/a").ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("ftp://h.test/file")]
    [InlineData("https://")]
    public void Anything_but_an_absolute_http_url_does_not_parse(string? text)
    {
        Assert.False(Url.TryParse(text, out var url));
        Assert.Null(url);
    }

    [Fact]
    public void A_relative_uri_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Url(new Uri("/p", UriKind.Relative)));
    }

    private static Url Parse(string text)
    {
        Assert.True(Url.TryParse(text, out var url));
        return url;
    }
}
