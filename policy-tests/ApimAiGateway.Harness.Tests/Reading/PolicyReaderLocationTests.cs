using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Tests.Reading;

public class PolicyReaderLocationTests
{
    private const string Policy = """
        <policies>
          <inbound>
            <set-variable
                name="v" value="@(context.Request.Method)" />
            <set-body>@{
                var s = &quot;a&quot;;
                return s + {{suffix}} + missing;
            }</set-body>
          </inbound>
        </policies>
        """;

    [Fact]
    public void Elements_attributes_and_expressions_keep_their_positions()
    {
        var document = TestPolicy.ReadClean(Policy);

        var setVariable = TestPolicy.Element(document, "inbound", "set-variable");
        Assert.Equal(TestPolicy.Locate(Policy, "<policies"), document.Root.Location);
        Assert.Equal(TestPolicy.Locate(Policy, "<set-variable"), setVariable.Location);
        Assert.Equal(TestPolicy.Locate(Policy, "value="), setVariable.Attribute("value")!.Location);
        var expression = setVariable.Attribute("value")!.Value.Expression!;
        Assert.Equal(TestPolicy.Locate(Policy, "@(context"), expression.Location);
        Assert.Equal(TestPolicy.Locate(Policy, "context.Request"), expression.Code.Start);
    }

    [Fact]
    public void Location_deep_in_a_block_survives_entity_decoding_and_named_values()
    {
        var namedValues = NamedValueSet.From([new NamedValue("suffix", "\"-\" + \"!\"", false, null, SourceLocation.StartOf("nv.yaml"))]);
        var document = TestPolicy.ReadClean(Policy, namedValues);

        var code = TestPolicy.Element(document, "inbound", "set-body").Text!.Expression!.Code;
        Assert.Contains("var s = \"a\";", code.Text);
        Assert.Contains("return s + \"-\" + \"!\" + missing;", code.Text);
        // A decoded entity maps to its '&'; the characters after it map to their own columns again.
        Assert.Equal(TestPolicy.Locate(Policy, "&quot;a"), code.LocationAt(code.Text.IndexOf("\"a\"", StringComparison.Ordinal)));
        Assert.Equal(TestPolicy.Locate(Policy, "a&quot;;"), code.LocationAt(code.Text.IndexOf("a\";", StringComparison.Ordinal)));
        // Substituted characters map to the '{{' and the source after the reference keeps its own columns.
        Assert.Equal(TestPolicy.Locate(Policy, "{{suffix}}"), code.LocationAt(code.Text.IndexOf('!')));
        Assert.Equal(TestPolicy.Locate(Policy, "missing"), code.LocationAt(code.Text.IndexOf("missing", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_nodes_and_values_start_where_their_text_starts()
    {
        const string xml = "<fragment>\n  <a>\n    hello &amp; bye\n  </a>\n</fragment>";

        var document = TestPolicy.ReadClean(xml);

        var text = document.Root.Elements.Single().Text!.Text.Trim();
        Assert.Equal("hello & bye", text.Text);
        Assert.Equal(TestPolicy.Locate(xml, "hello"), text.Start);
        Assert.Equal(TestPolicy.Locate(xml, "bye"), text.LocationAt(text.Length - 3));
    }
}
