using System.Xml.Linq;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Harness.Tests.Execution.Messages.MessageGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Messages;

/// <summary>find-and-replace, json-to-xml and xml-to-json: edits of the current message's body.</summary>
public sealed class BodyPolicyTests
{
    private static Func<ServiceRequest, ServiceResponse> Answer(string body, string contentType) =>
        _ => ServiceResponse.Text(body, 200, contentType);

    [Fact]
    public async Task Find_and_replace_edits_the_request_in_inbound_and_the_response_in_outbound()
    {
        // find-and-replace-policy: replaces a substring of the request or response body.
        var gateway = Build(
            Policy("<find-and-replace from=\"cat\" to=\"dog\" />", outbound: "<find-and-replace from=\"ok\" to=\"fine\" />"),
            request => ServiceResponse.Text("ok:" + request.BodyText));

        var result = await gateway.SendAsync(Post("/orders/x", "cat and cat", "text/plain"));

        Assert.Equal("dog and dog", Received(result).BodyText);
        Assert.Equal("fine:dog and dog", result.BodyText);
    }

    [Fact]
    public async Task Find_and_replace_keeps_spaces_of_literals_and_takes_expressions()
    {
        var gateway = Build(Policy("<find-and-replace from=\" \" to=\"@(context.Subscription.Id)\" />"));

        var result = await gateway.SendAsync(Post("/orders/x", "a b", "text/plain"));

        Assert.Equal("asub-1b", Received(result).BodyText);
    }

    [Fact]
    public async Task Json_to_xml_converts_a_single_root_object_and_sets_the_content_type()
    {
        // json-to-xml-policy: apply="always", consider-accept-header="false" converts regardless of headers.
        var gateway = Build(Policy(outbound: "<json-to-xml apply=\"always\" consider-accept-header=\"false\" />"),
            Answer("""{"order":{"id":7,"paid":true,"note":null,"items":[{"sku":"a"},{"sku":"b"}]}}""", "application/json"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("application/xml", result.Header("Content-Type"));
        Assert.Equal("<order><id>7</id><paid>true</paid><note /><items><sku>a</sku></items><items><sku>b</sku></items></order>", result.BodyText);
    }

    [Fact]
    public async Task Json_to_xml_wraps_several_top_level_properties_in_a_document_element()
    {
        var gateway = Build(Policy(outbound: "<json-to-xml apply=\"always\" consider-accept-header=\"false\" />"),
            Answer("""{"a":1,"b":"x"}""", "application/json"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("<Document><a>1</a><b>x</b></Document>", result.BodyText);
    }

    [Fact]
    public async Task Json_to_xml_with_content_type_json_leaves_other_bodies_alone()
    {
        // json-to-xml-policy: content-type-json converts only if the Content-Type indicates JSON.
        var gateway = Build(Policy(outbound: "<json-to-xml apply=\"content-type-json\" consider-accept-header=\"false\" />"),
            Answer("""{"a":1}""", "text/plain"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("""{"a":1}""", result.BodyText);
    }

    [Theory]
    [InlineData(null, """{"a":1}""")]
    [InlineData("application/json", """{"a":1}""")]
    [InlineData("application/xml", "<a>1</a>")]
    public async Task Json_to_xml_considers_the_accept_header_by_default(string? accept, string expected)
    {
        // json-to-xml-policy: consider-accept-header defaults to true: convert if XML is requested in Accept.
        var gateway = Build(Policy(outbound: "<json-to-xml apply=\"content-type-json\" />"), Answer("""{"a":1}""", "application/json"));
        var call = accept is null ? Call() : Call().WithHeader("Accept", accept);

        var result = await gateway.SendAsync(call);

        Assert.Equal(expected, result.BodyText);
    }

    [Fact]
    public async Task Json_to_xml_declares_namespaces_and_attributes_as_the_docs_example_does()
    {
        // json-to-xml-policy example: namespace-separator=":" namespace-prefix="xmlns" attribute-block-name="#attrs".
        var gateway = Build(
            Policy(outbound: "<json-to-xml apply=\"always\" consider-accept-header=\"false\" parse-date=\"false\" namespace-separator=\":\" namespace-prefix=\"xmlns\" attribute-block-name=\"#attrs\" />"),
            Answer("""{"soapenv:Envelope":{"xmlns:soapenv":"http://schemas.xmlsoap.org/soap/envelope/","xmlns:v1":"http://localdomain.com/core/v1","soapenv:Header":{},"soapenv:Body":{"v1:QueryList":{"#attrs":{"queryName":"test"},"v1:query":{"v1:Name":"x","v1:Date":"2024-01-01T10:00:00.000Z"}}}}}""", "application/json"));

        var result = await gateway.SendAsync(Call());

        XNamespace soap = "http://schemas.xmlsoap.org/soap/envelope/";
        XNamespace v1 = "http://localdomain.com/core/v1";
        var xml = XElement.Parse(result.BodyText);
        Assert.Equal(soap + "Envelope", xml.Name);
        var list = xml.Element(soap + "Body")!.Element(v1 + "QueryList")!;
        Assert.Equal("test", (string?)list.Attribute("queryName"));
        Assert.Equal("2024-01-01T10:00:00.000Z", (string?)list.Element(v1 + "query")!.Element(v1 + "Date"));
        Assert.StartsWith("<soapenv:Envelope xmlns:soapenv=", result.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_to_xml_parse_date_rewrites_dates_in_xml_form()
    {
        // json-to-xml-policy: parse-date defaults to true; false copies date values as they are.
        var gateway = Build(Policy(outbound: "<json-to-xml apply=\"always\" consider-accept-header=\"false\" />"),
            Answer("""{"at":"2024-01-01T10:00:00.000Z"}""", "application/json"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("<at>2024-01-01T10:00:00Z</at>", result.BodyText);
    }

    [Fact]
    public async Task Json_to_xml_converts_the_request_in_inbound()
    {
        var gateway = Build(Policy("<json-to-xml apply=\"always\" consider-accept-header=\"false\" />"));

        var result = await gateway.SendAsync(Post("/orders/x", """{"order":{"id":1}}""", "application/json"));

        Assert.Equal("<order><id>1</id></order>", Received(result).BodyText);
        Assert.Equal("application/xml", Received(result).ContentType);
    }

    [Fact]
    public async Task Xml_to_json_direct_keeps_prefixes_and_attributes()
    {
        // xml-to-json-policy: direct reflects the original document's structure.
        var gateway = Build(Policy(outbound: "<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"false\" />"),
            Answer("""<s:order xmlns:s="urn:s" id="7"><s:item>a</s:item><s:item>b</s:item><note/><total currency="EUR">9.5</total></s:order>""", "application/xml"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("application/json", result.Header("Content-Type"));
        Assert.True(JToken.DeepEquals(
            JObject.Parse("""{"s:order":{"@xmlns:s":"urn:s","@id":"7","s:item":["a","b"],"note":null,"total":{"@currency":"EUR","#text":"9.5"}}}"""),
            result.BodyJson));
    }

    [Fact]
    public async Task Xml_to_json_javascript_friendly_uses_plain_names()
    {
        var gateway = Build(Policy(outbound: "<xml-to-json kind=\"javascript-friendly\" apply=\"always\" consider-accept-header=\"false\" always-array-child-elements=\"true\" />"),
            Answer("""<s:order xmlns:s="urn:s" id="7"><s:item>a</s:item></s:order>""", "text/xml"));

        var result = await gateway.SendAsync(Call());

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"order":{"id":"7","item":["a"]}}"""), result.BodyJson));
    }

    [Theory]
    [InlineData("text/plain", null, "<a>1</a>")]
    [InlineData("application/soap+xml", null, """{"a":"1"}""")]
    [InlineData("application/xml", "application/xml", "<a>1</a>")]
    public async Task Xml_to_json_applies_by_content_type_and_accept(string contentType, string? accept, string expected)
    {
        // xml-to-json-policy: content-type-xml converts only XML bodies; consider-accept-header="true" only when
        // JSON is requested in Accept.
        var considerAccept = accept is null ? "false" : "true";
        var gateway = Build(Policy(outbound: $"<xml-to-json kind=\"direct\" apply=\"content-type-xml\" consider-accept-header=\"{considerAccept}\" />"), Answer("<a>1</a>", contentType));
        var call = accept is null ? Call() : Call().WithHeader("Accept", accept);

        var result = await gateway.SendAsync(call);

        Assert.Equal(expected, result.BodyText);
    }

    [Fact]
    public async Task Element_only_xml_survives_a_round_trip_through_json()
    {
        var xml = "<order><id>1</id><item>a</item><item>b</item><gift /></order>";
        var gateway = Build(
            Policy("<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"false\" />", outbound: "<json-to-xml apply=\"always\" consider-accept-header=\"false\" />"),
            request => ServiceResponse.Json(request.BodyText));

        var result = await gateway.SendAsync(Post("/orders/x", xml, "application/xml"));

        Assert.Equal("""{"order":{"id":"1","item":["a","b"],"gift":null}}""", Received(result).BodyText);
        Assert.Equal(xml, result.BodyText);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_left_as_it_is()
    {
        var gateway = Build(Policy(outbound: "<json-to-xml apply=\"always\" consider-accept-header=\"false\" />"), Answer("not json", "application/json"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("not json", result.BodyText);
        Assert.Equal(200, result.StatusCode);
    }
}
