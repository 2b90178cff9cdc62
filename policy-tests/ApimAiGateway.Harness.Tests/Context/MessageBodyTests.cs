using System.Text;
using System.Xml.Linq;
using ApimAiGateway.Harness.Context.Runtime;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>
/// The consumption rule of "set-body policy" (Important note): reading without preserveContent loses the original
/// body; preserveContent: true keeps it.
/// </summary>
public sealed class MessageBodyTests
{
    [Fact]
    public void Reading_without_preserve_content_consumes_the_body()
    {
        var body = MessageBody.FromText("""{"a":1}""");

        var first = body.As<JObject>();

        Assert.Equal(1, (int)first!["a"]!);
        Assert.True(body.IsConsumed);
        Assert.Equal(0, body.Content.Length);
        Assert.Equal("", body.As<string>());
        Assert.Empty(body.As<byte[]>()!);
    }

    [Fact]
    public void Structured_reads_of_a_consumed_body_are_null()
    {
        // A second As<XElement>() yielding null is the failure reported when a body is read twice (Azure China blog,
        // "Expression evaluation failed. Object reference not set to an instance of an object").
        var body = MessageBody.FromText("<a/>");
        body.As<XElement>();

        Assert.Null(body.As<XElement>());
        Assert.Null(body.As<XDocument>());
        Assert.Null(body.As<XNode>());
        Assert.Null(body.As<JToken>());
        Assert.Null(body.As<JObject>());
        Assert.Null(body.As<JArray>());
    }

    [Fact]
    public void Preserve_content_leaves_the_body_for_later_reads()
    {
        var body = MessageBody.FromText("""{"a":1}""");

        body.As<JObject>(preserveContent: true);
        body.AsFormUrlEncodedContent(preserveContent: true);

        Assert.False(body.IsConsumed);
        Assert.Equal("""{"a":1}""", body.As<string>(preserveContent: true));
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(body.Content.Span));
    }

    [Fact]
    public void Form_reading_consumes_by_default_too()
    {
        var body = MessageBody.FromText("a=1");

        body.AsFormUrlEncodedContent();

        Assert.True(body.IsConsumed);
        Assert.Empty(body.AsFormUrlEncodedContent());
    }

    [Fact]
    public void Form_content_decodes_names_and_values_and_keeps_repeats_in_order()
    {
        var form = MessageBody.FromText("name=J%C3%BCrgen+M&tag=a&tag=b&flag").AsFormUrlEncodedContent();

        Assert.Equal(["Jürgen M"], form["name"]);
        Assert.Equal(["a", "b"], form["tag"]);
        Assert.Equal([""], form["flag"]);
    }

    [Fact]
    public void Byte_reads_are_copies_so_an_expression_cannot_change_the_body()
    {
        var body = MessageBody.FromText("abc");

        body.As<byte[]>(preserveContent: true)![0] = (byte)'z';

        Assert.Equal("abc", body.As<string>());
    }

    [Fact]
    public void Text_is_decoded_with_the_content_type_charset()
    {
        var body = new MessageBody(Encoding.Latin1.GetBytes("café"), "text/plain; charset=iso-8859-1");

        Assert.Equal("café", body.As<string>());
    }

    [Fact]
    public void An_unknown_charset_falls_back_to_utf8()
    {
        var body = new MessageBody(Encoding.UTF8.GetBytes("café"), "text/plain; charset=no-such-charset");

        Assert.Equal("café", body.As<string>());
    }

    [Fact]
    public void Malformed_json_fails_the_expression()
    {
        var body = MessageBody.FromText("{not json");

        Assert.ThrowsAny<JsonReaderException>(() => body.As<JObject>());
    }

    [Fact]
    public void Unsupported_target_types_are_refused()
    {
        var body = MessageBody.FromText("1");

        Assert.Throws<NotSupportedException>(() => body.As<int>());
    }
}
