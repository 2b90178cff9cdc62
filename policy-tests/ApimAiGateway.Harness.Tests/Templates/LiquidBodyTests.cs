using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Templates;
using static ApimAiGateway.Harness.Tests.Templates.LiquidMessages;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>How the message body binds to <c>body</c> ("set-body policy", Using Liquid templates with set-body).</summary>
public sealed class LiquidBodyTests
{
    [Fact]
    public void A_json_body_is_reshaped_into_new_json_like_the_docs_order_example()
    {
        const string template = """{"invoice": {"ref": "{{body.sale.details.code}}", "note": "{{body.sale.details.memo}}"}}""";

        var output = Rendered(template, """{"sale":{"details":{"code":"A-7","memo":"rush"}}}""");

        Assert.Equal("""{"invoice": {"ref": "A-7", "note": "rush"}}""", output);
    }

    [Fact]
    public void A_json_body_fills_a_soap_envelope_like_the_docs_soap_example()
    {
        const string template = """<s:Envelope xmlns:s="urn:s"><s:Body><Lookup><id>{{body.lookup.customer}}</id></Lookup></s:Body></s:Envelope>""";

        var output = Rendered(template, """{"lookup":{"customer":"c-9"}}""");

        Assert.Equal("""<s:Envelope xmlns:s="urn:s"><s:Body><Lookup><id>c-9</id></Lookup></s:Body></s:Envelope>""", output);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/json")]
    [InlineData("application/problem+json")]
    [InlineData("application/json; charset=utf-8")]
    public void Json_content_types_bind_the_body(string contentType) =>
        Assert.Equal("7", Rendered("{{body.n}}", """{"n":7}""", contentType));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonish")]
    public void Other_content_types_leave_body_unbound(string contentType) =>
        Assert.Equal("[]", Rendered("[{{body.n}}]", """{"n":7}""", contentType));

    [Fact]
    public void Json_arrays_can_be_looped_and_member_names_are_case_sensitive()
    {
        var output = Rendered("{% for item in body.items %}{{item.name}}{{item.Name}};{% endfor %}", """{"items":[{"name":"a"},{"name":"b"}]}""");

        Assert.Equal("a;b;", output);
    }

    [Fact]
    public void Parse_date_on_turns_date_strings_into_dates_the_Date_filter_formats()
    {
        var output = Rendered("""{{ body.at | Date: "yyyyMMddTHH:mm:ssZ" }}|{{ body.at }}""", """{"at":"2012-03-21T05:40:00Z"}""");

        Assert.Equal("20120321T05:40:00Z|03/21/2012 05:40:00", output);
    }

    [Fact]
    public void Parse_date_off_copies_date_strings_as_written()
    {
        var request = new LiquidRenderRequest("{{ body.at }}", NewContext("""{"at":"2012-03-21T05:40Z"}""", "application/json"), LiquidMessage.Request)
        {
            ParseDate = false,
        };

        Assert.Equal("2012-03-21T05:40Z", Renderer.Render(request).Output);
    }

    [Fact]
    public void An_xml_body_binds_from_its_root_with_attributes_and_repeated_elements()
    {
        const string xml = """<soap:Envelope xmlns:soap="urn:soap"><soap:Body><Order id="42"><Line>a</Line><Line>b</Line><Total>9</Total></Order></soap:Body></soap:Envelope>""";

        var output = Rendered(
            """{{ body.Envelope.Body.Order["@id"] }}:{% for line in body.Envelope.Body.Order.Line %}{{line}}{% endfor %}:{{ body.Envelope.Body.Order.Total }}""",
            xml,
            "application/soap+xml");

        Assert.Equal("42:ab:9", output);
    }

    [Theory]
    [InlineData(LiquidXsiNil.Blank, "[]true")]
    [InlineData(LiquidXsiNil.Null, "[]false")]
    public void Xsi_nil_elements_are_blank_or_null_per_the_xsi_nil_attribute(LiquidXsiNil mode, string expected)
    {
        const string xml = """<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><v xsi:nil="true"/></r>""";
        var request = new LiquidRenderRequest("[{{ body.r.v }}]{% if body.r.v == '' %}true{% else %}false{% endif %}", NewContext(xml, "text/xml"), LiquidMessage.Request)
        {
            XsiNil = mode,
        };

        Assert.Equal(expected, Renderer.Render(request).Output);
    }

    [Fact]
    public void The_response_body_binds_when_rendering_for_the_response()
    {
        var context = NewContext();
        context.Response.Headers.Set("Content-Type", "application/json");
        context.Response.Body = MessageBody.FromText("""{"status":"done"}""");

        var result = Renderer.Render(new LiquidRenderRequest("{{ body.status }}", context, LiquidMessage.Response));

        Assert.Equal("done", result.Output);
    }

    [Fact]
    public void Rendering_reads_the_body_without_consuming_it()
    {
        var context = NewContext("""{"n":1}""", "application/json");

        Renderer.Render(new LiquidRenderRequest("{{ body.n }}", context, LiquidMessage.Request));

        Assert.False(context.Request.Body!.IsConsumed);
    }

    [Theory]
    [InlineData("""{"n":""", "application/json", "JSON body cannot be parsed")]
    [InlineData("<r><open></r>", "application/xml", "XML body cannot be parsed")]
    public void A_malformed_body_is_a_render_failure(string body, string contentType, string reason)
    {
        var result = RenderRequest("{{ body }}", body, contentType);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Failure);
    }

    [Fact]
    public void Json_array_for_writes_a_comma_between_items_as_apim_does()
    {
        var output = Rendered("""[{% JSONArrayFor item in body.items %}"{{item}}"{% endJSONArrayFor %}]""", """{"items":["a","b","c"]}""");

        Assert.Equal("""["a","b","c"]""", output);
    }
}
